import 'server-only';
import { slugify } from '../../validation/form-fields';
import type { ParsedRow, PlantRowValues, RowError } from '../../validation/import';
import { differences, type ImportLookups, type KindPlan, type PlanRow, rowKnownOn } from './import-context';
import { todayIso } from '../../validation/capacity';
import { type PlantWrite, writePlants } from './import-write-plants';
import { numberedSlug } from './references';
import type { Tx } from './transaction';

// CSV column → plant field, for the columns that map one to one.
const SIMPLE: Record<string, keyof PlantRowValues> = {
  name: 'name', city: 'city', lat: 'lat', lon: 'lon', locationApproximate: 'location_approximate', chemistry: 'chemistry',
  chemistryFamily: 'chemistry_family', segment: 'segment', facilityType: 'facility_type', inCellTotals: 'in_cell_totals',
  startYear: 'start_year', confidence: 'confidence', notes: 'notes',
};

export async function planPlants(tx: Tx, rows: ParsedRow<PlantRowValues>[], look: ImportLookups): Promise<KindPlan> {
  // Only refs that passed validation are looked up: a raw cell may hold anything (even NUL, which
  // PostgreSQL refuses in text), and rows that failed validation are not matched anyway.
  const refs = rows.flatMap((r) => (r.values ? [r.values.ref] : []));
  const existing = await tx.plant.findMany({ where: { ref: { in: refs } }, include: {
    sources: { select: { sourceId: true } },
    statusEvents: { where: { deletedAt: null }, orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], take: 1, select: { effectiveOn: true } },
  } });
  const byRef = new Map(existing.map((p) => [p.ref, p]));
  const slugs = new Set((await tx.plant.findMany({ select: { slug: true } })).map((p) => p.slug));

  const writes: PlantWrite[] = [];
  const planned = rows.map((r): PlanRow => {
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
    // An operator change is a dated fact: the date the new operator took over.
    const operatorChanges = current !== undefined && operatorId !== undefined && current.operatorId !== operatorId;
    if (operatorChanges && !v.operator_since) errors.push({ column: 'operator_since', message: 'Required: the operator changes; give the date the new operator took over.' });
    const known = typeof source === 'string' ? null : rowKnownOn(v.known_on, source, v.status_since ?? v.operator_since ?? todayIso());
    if (known !== null && typeof known !== 'string') errors.push(known);
    if (errors.length || operatorId === undefined || typeof place === 'string' || typeof source === 'string' || typeof known !== 'string') {
      return { ...base, status: 'error', errors };
    }

    const wanted: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(SIMPLE)) if (r.columns.has(column)) wanted[field] = v[column];
    wanted.regionId = place.regionId;
    wanted.countryId = place.countryId;

    if (!current) {
      let slug = slugify(v.name);
      for (let i = 2; slugs.has(slug); i++) slug = numberedSlug(slugify(v.name), i);
      slugs.add(slug);
      writes.push({ kind: 'new', v, slug, operatorId, regionId: place.regionId, countryId: place.countryId, source, knownOn: known, audits: [] });
      return { ...base, status: 'new', errors: [] };
    }

    const changes = differences(current, wanted);
    if (operatorChanges) {
      const name = (id: number) => look.companyNames.get(id) ?? String(id);
      changes.push({ field: 'operator', before: name(current.operatorId), after: `${name(operatorId)} (from ${v.operator_since})` });
    }
    const statusChanges = current.status !== v.status;
    if (statusChanges) changes.push({ field: 'status', before: current.status, after: `${v.status} (since ${v.status_since})` });
    const addsSource = source !== null && (source.kind === 'new' || !current.sources.some((s) => s.sourceId === source.id));
    if (addsSource) changes.push({ field: 'sources', before: '', after: `+ ${source.label}` });
    if (changes.length === 0) return { ...base, status: 'unchanged', errors: [] };
    writes.push({ kind: 'changed', v, current, wanted, statusChanges, operatorId: operatorChanges ? operatorId : null, addsSource, source, knownOn: known, audits: [] });
    return { ...base, status: 'changed', errors: [], changes };
  });
  return { rows: planned, write: (t, run) => writePlants(t, run, writes) };
}
