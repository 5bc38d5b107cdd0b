import 'server-only';
import { AppError } from '../../errors';
import { slugify } from '../../validation/form-fields';
import type { ParsedRow, PlantRowValues, RowError } from '../../validation/import';
import { snapshot, writeAudit } from './audit';
import { day, differences, type ImportLookups, type Planned, sourceIdFor } from './import-context';
import { syncPlantStatus } from './plant-status';
import { nextChildRef } from './references';
import type { Tx } from './transaction';

// CSV column → plant field, for the columns that map one to one.
const SIMPLE: Record<string, keyof PlantRowValues> = {
  name: 'name', city: 'city', lat: 'lat', lon: 'lon', locationApproximate: 'location_approximate', chemistry: 'chemistry',
  chemistryFamily: 'chemistry_family', segment: 'segment', facilityType: 'facility_type', inCellTotals: 'in_cell_totals',
  startYear: 'start_year', confidence: 'confidence', notes: 'notes',
};

export async function planPlants(tx: Tx, rows: ParsedRow<PlantRowValues>[], look: ImportLookups): Promise<Planned[]> {
  const refs = rows.map((r) => r.ref).filter(Boolean);
  const existing = await tx.plant.findMany({ where: { ref: { in: refs } }, include: {
    sources: { select: { sourceId: true } },
    statusEvents: { where: { deletedAt: null }, orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], take: 1, select: { effectiveOn: true } },
  } });
  const byRef = new Map(existing.map((p) => [p.ref, p]));
  const slugs = new Set((await tx.plant.findMany({ select: { slug: true } })).map((p) => p.slug));

  return rows.map((r): Planned => {
    const errors: RowError[] = [...r.errors];
    const base = { row: r.row, ref: r.ref, changes: [] };
    const v = r.values;
    if (!v) return { ...base, status: 'error', errors };
    const operatorId = look.company(v.operator);
    if (operatorId === undefined) errors.push({ column: 'operator', message: `Unknown company “${v.operator}” (use its slug or exact name; add it under Companies first).` });
    const place = look.place(v.region);
    if (typeof place === 'string') errors.push({ column: 'region', message: place });
    const source = look.source(v);
    if (typeof source === 'string') errors.push({ column: 'source_url', message: source });
    if ((v.lat === null) !== (v.lon === null)) errors.push({ column: v.lat === null ? 'lat' : 'lon', message: 'Give both lat and lon, or neither.' });
    const current = byRef.get(v.ref);
    if (current?.deletedAt) errors.push({ column: 'ref', message: `Plant ${v.ref} is deleted; restore it in the history first.` });
    if (!current && !v.status_since) errors.push({ column: 'status_since', message: 'Required for a new plant (the date of its status).' });
    if (!current && !source) errors.push({ column: 'source_url', message: 'A new plant needs a source: source_url of a known source, or source_publisher and source_title.' });
    if (current && current.status !== v.status && !v.status_since) errors.push({ column: 'status_since', message: `Required: the status changes (${current.status} → ${v.status}).` });
    const latestStatusOn = current?.statusEvents[0]?.effectiveOn.toISOString().slice(0, 10);
    if (current && current.status !== v.status && v.status_since && latestStatusOn && v.status_since < latestStatusOn) {
      errors.push({ column: 'status_since', message: `Before the plant's latest status change (${latestStatusOn}); enter older history in the admin.` });
    }
    if (errors.length || operatorId === undefined || typeof place === 'string' || typeof source === 'string') return { ...base, status: 'error', errors };

    const wanted: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(SIMPLE)) if (r.columns.has(column)) wanted[field] = v[column];
    wanted.operatorId = operatorId;
    wanted.regionId = place.regionId;
    wanted.countryId = place.countryId;

    if (!current) {
      let slug = slugify(v.name);
      for (let i = 2; slugs.has(slug); i++) slug = `${slugify(v.name)}-${i}`;
      slugs.add(slug);
      return {
        ...base, status: 'new', errors: [],
        apply: async (t, run) => {
          const sourceId = (await sourceIdFor(t, run, source))!;
          const plant = await t.plant.create({
            data: {
              ref: v.ref, slug, name: v.name, operatorId, city: v.city, regionId: place.regionId, countryId: place.countryId,
              lat: v.lat, lon: v.lon, locationApproximate: v.location_approximate, status: v.status, chemistry: v.chemistry,
              chemistryFamily: v.chemistry_family, segment: v.segment, facilityType: v.facility_type, inCellTotals: v.in_cell_totals,
              startYear: v.start_year, confidence: v.confidence, notes: v.notes, sources: { create: [{ sourceId }] },
            },
          });
          await writeAudit(t, run.who, { action: 'import', entityType: 'plant', entityId: plant.id, before: null, after: { ...snapshot(plant), sourceId } });
          const event = await t.plantStatusEvent.create({ data: { ref: `${v.ref}/S1`, plantId: plant.id, status: v.status, effectiveOn: day(v.status_since)!, sourceId } });
          await writeAudit(t, run.who, { action: 'import', entityType: 'plant_status_event', entityId: event.id, before: null, after: snapshot(event) });
        },
      };
    }

    const names = { operatorId: (id: unknown) => look.companyNames.get(id as number) ?? String(id) };
    const changes = differences(current, wanted, names);
    const statusChanges = current.status !== v.status;
    if (statusChanges) changes.push({ field: 'status', before: current.status, after: `${v.status} (since ${v.status_since})` });
    const addsSource = source !== null && (source.kind === 'new' || !current.sources.some((s) => s.sourceId === source.id));
    if (addsSource) changes.push({ field: 'sources', before: '', after: `+ ${source.label}` });
    if (changes.length === 0) return { ...base, status: 'unchanged', errors: [] };
    return {
      ...base, status: 'changed', errors: [], changes,
      apply: async (t, run) => {
        const data = { ...wanted, version: { increment: 1 } };
        const { count } = await t.plant.updateMany({ where: { id: current.id, version: current.version, deletedAt: null }, data });
        if (count === 0) throw new AppError('conflict', `Plant ${v.ref} was changed by someone else during the import; nothing was imported. Run it again.`);
        const after = await t.plant.findUniqueOrThrow({ where: { id: current.id } });
        await writeAudit(t, run.who, { action: 'import', entityType: 'plant', entityId: current.id, before: snapshot(current), after: snapshot(after) });
        if (statusChanges) {
          const event = await t.plantStatusEvent.create({
            data: { ref: await nextChildRef(t, v.ref, 'S'), plantId: current.id, status: v.status, effectiveOn: day(v.status_since)!, sourceId: await sourceIdFor(t, run, source) },
          });
          await writeAudit(t, run.who, { action: 'import', entityType: 'plant_status_event', entityId: event.id, before: null, after: snapshot(event) });
          await syncPlantStatus(t, run.who, current.id);
        }
        if (addsSource) {
          const sourceId = (await sourceIdFor(t, run, source))!;
          await t.plantSource.createMany({ data: [{ plantId: current.id, sourceId }], skipDuplicates: true });
        }
      },
    };
  });
}
