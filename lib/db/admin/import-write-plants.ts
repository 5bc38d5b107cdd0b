import 'server-only';
import { AppError } from '../../errors';
import type { Plant, PlantOperator, PlantStatusEvent } from '../../generated/prisma/client';
import type { PlantRowValues } from '../../validation/import';
import { type AuditEntry, snapshot } from './audit';
import { chunks, createSources, insertRows, nextChildRefs, nextStatusRefs, sourceId, updateRows } from './import-batch';
import { type ApplyContext, day, type SourcePick } from './import-context';
import type { Tx } from './transaction';

interface Common {
  v: PlantRowValues;
  source: SourcePick;
  /** When the row's facts became public. */
  knownOn: string;
  /** Filled by the write, in the order the row-by-row import wrote them. */
  audits: AuditEntry[];
}
export type PlantWrite =
  | Common & { kind: 'new'; slug: string; operatorId: number; regionId: number; countryId: number }
  | Common & {
    kind: 'changed'; current: Plant; wanted: Record<string, unknown>; statusChanges: boolean;
    /** The new operator, from operator_since (null: unchanged). */
    operatorId: number | null; addsSource: boolean;
  };
type NewPlant = Extract<PlantWrite, { kind: 'new' }>;
type ChangedPlant = Extract<PlantWrite, { kind: 'changed' }>;

/**
 * Writes a plants file's new and changed rows in set-based batches (one statement per table per
 * ~1,000 rows) and queues each row's audit rows in file order. A changed row whose version moved
 * since it was planned refuses the whole import.
 */
export async function writePlants(tx: Tx, run: ApplyContext, writes: PlantWrite[]): Promise<void> {
  await createSources(tx, run, writes.map((w) => w.source));
  await insertPlants(tx, run, writes.filter((w): w is NewPlant => w.kind === 'new'));
  await updatePlants(tx, run, writes.filter((w): w is ChangedPlant => w.kind === 'changed'));
  for (const w of writes) run.audits.push(...w.audits);
}

async function insertPlants(tx: Tx, run: ApplyContext, adds: NewPlant[]): Promise<void> {
  for (const part of chunks(adds)) {
    const plants = await insertRows<Plant>(tx, 'plant', part.map(({ v, slug, operatorId, regionId, countryId }) => ({
      ref: v.ref, slug, name: v.name, operatorId, city: v.city, regionId, countryId,
      lat: v.lat, lon: v.lon, locationApproximate: v.location_approximate, status: v.status, chemistry: v.chemistry,
      chemistryFamily: v.chemistry_family, segment: v.segment, facilityType: v.facility_type, inCellTotals: v.in_cell_totals,
      startYear: v.start_year, confidence: v.confidence, notes: v.notes,
    })));
    const plantByRef = new Map(plants.map((p) => [p.ref, p]));
    const rows = part.map((a) => ({ a, plant: plantByRef.get(a.v.ref)!, sourceId: sourceId(run, a.source)! }));
    await tx.plantSource.createMany({ data: rows.map(({ plant, sourceId }) => ({ plantId: plant.id, sourceId })) });
    // The first operator, from the status date: ownership is dated from the start.
    const operators = await insertRows<PlantOperator>(tx, 'plant_operator', rows.map(({ a, plant, sourceId }) => ({
      ref: `${a.v.ref}/O1`, plantId: plant.id, companyId: a.operatorId, effectiveOn: day(a.v.status_since)!, knownOn: day(a.knownOn)!, sourceId,
    })));
    const events = await insertRows<PlantStatusEvent>(tx, 'plant_status_event', rows.map(({ a, plant, sourceId }) => ({
      ref: `${a.v.ref}/S1`, plantId: plant.id, status: a.v.status, effectiveOn: day(a.v.status_since)!, knownOn: day(a.knownOn)!, sourceId,
    })));
    const eventByPlant = new Map(events.map((e) => [e.plantId, e]));
    const operatorByPlant = new Map(operators.map((o) => [o.plantId, o]));
    for (const { a, plant, sourceId } of rows) {
      a.audits.push(
        { action: 'import', entityType: 'plant', entityId: plant.id, before: null, after: { ...snapshot(plant), sourceId } },
        { action: 'import', entityType: 'plant_operator', entityId: operatorByPlant.get(plant.id)!.id, before: null, after: snapshot(operatorByPlant.get(plant.id)!) },
        { action: 'import', entityType: 'plant_status_event', entityId: eventByPlant.get(plant.id)!.id, before: null, after: snapshot(eventByPlant.get(plant.id)!) },
      );
    }
  }
}

async function updatePlants(tx: Tx, run: ApplyContext, changes: ChangedPlant[]): Promise<void> {
  if (changes.length === 0) return;
  const byId = new Map(changes.map((c) => [c.current.id, c]));
  const refuse = (ids: number[]) => {
    if (ids.length) throw new AppError('conflict', `Plant ${byId.get(ids[0]!)!.v.ref} was changed by someone else during the import; nothing was imported. Run it again.`);
  };
  refuse(await updateRows(tx, 'plant', changes.map((c) => ({ id: c.current.id, version: c.current.version, data: c.wanted }))));
  const after = new Map<number, Plant>();
  for (const part of chunks([...byId.keys()])) for (const p of await tx.plant.findMany({ where: { id: { in: part } } })) after.set(p.id, p);
  for (const c of changes) c.audits.push({ action: 'import', entityType: 'plant', entityId: c.current.id, before: snapshot(c.current), after: snapshot(after.get(c.current.id)!) });

  // A status change is a new dated event; the plan made sure it is the plant's latest, so the
  // plant's status follows it (as syncPlantStatus would do, with its own version bump and audit row).
  const moved = changes.filter((c) => c.statusChanges);
  const refs = moved.length ? await nextStatusRefs(tx, moved.map((c) => c.v.ref)) : new Map<string, string>();
  for (const part of chunks(moved)) {
    const events = await insertRows<PlantStatusEvent>(tx, 'plant_status_event',
      part.map((c) => ({ ref: refs.get(c.v.ref)!, plantId: c.current.id, status: c.v.status, effectiveOn: day(c.v.status_since)!, knownOn: day(c.knownOn)!, sourceId: sourceId(run, c.source) })));
    const eventByPlant = new Map(events.map((e) => [e.plantId, e]));
    refuse(await updateRows(tx, 'plant', part.map((c) => ({ id: c.current.id, version: c.current.version + 1, data: { status: c.v.status } }))));
    for (const c of part) {
      const event = eventByPlant.get(c.current.id)!;
      const synced = snapshot(after.get(c.current.id)!);
      c.audits.push(
        { action: 'import', entityType: 'plant_status_event', entityId: event.id, before: null, after: snapshot(event) },
        // Snapshots leave out version and timestamps, so the status is the only difference.
        { action: 'update', entityType: 'plant', entityId: c.current.id, before: synced, after: { ...synced, status: c.v.status } },
      );
    }
  }

  // An operator change is a new operator fact; plant.operator_id follows it (a trigger).
  const sold = changes.filter((c) => c.operatorId !== null);
  const operatorRefs = sold.length ? await nextChildRefs(tx, 'plant_operator', sold.map((c) => c.v.ref), 'O') : new Map<string, string>();
  for (const part of chunks(sold)) {
    const rows = await insertRows<PlantOperator>(tx, 'plant_operator', part.map((c) => ({
      ref: operatorRefs.get(c.v.ref)!, plantId: c.current.id, companyId: c.operatorId!, effectiveOn: day(c.v.operator_since)!,
      knownOn: day(c.knownOn)!, sourceId: sourceId(run, c.source),
    })));
    const byPlant = new Map(rows.map((o) => [o.plantId, o]));
    for (const c of part) c.audits.push({ action: 'import', entityType: 'plant_operator', entityId: byPlant.get(c.current.id)!.id, before: null, after: snapshot(byPlant.get(c.current.id)!) });
  }

  const linked = changes.filter((c) => c.addsSource);
  for (const part of chunks(linked)) {
    await tx.plantSource.createMany({ data: part.map((c) => ({ plantId: c.current.id, sourceId: sourceId(run, c.source)! })), skipDuplicates: true });
  }
}
