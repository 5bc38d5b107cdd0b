import 'server-only';
import { AppError } from '../../errors';
import { requireRole } from '../../auth/session';
import { type PlantUpdate, PlantUpdateSchema } from '../../validation/plant';
import { type AuditActor, auditActor, snapshot } from './audit';
import { parseInput, parseRecordId } from './parse-input';
import { placePlant } from './placement';
import { freeSlug } from './references';
import { inTransaction, type Tx } from './transaction';
import { versionedUpdate } from './versioned-update';

/**
 * Edits a plant's fields. Its status and operator change only through dated facts (addStatusEvent,
 * recordOperatorChange), so every as-of view keeps the history.
 */
export async function updatePlant(plantId: number, input: unknown): Promise<{ id: number; slug: string; version: number }> {
  const actor = await requireRole('editor');
  const id = parseRecordId(plantId, 'plant');
  const data = parseInput(PlantUpdateSchema, input);
  return inTransaction((tx) => applyPlantUpdate(tx, auditActor(actor), id, data));
}

/**
 * The edit itself, inside the caller's transaction and as `who` (audit row included): the admin
 * form's path, and the API's (PATCH /api/v1/plants/{slug}).
 */
export async function applyPlantUpdate(tx: Tx, who: AuditActor, id: number, input: PlantUpdate): Promise<{ id: number; slug: string; version: number }> {
  const { version, ...data } = input;
  const current = await tx.plant.findUnique({ where: { id }, select: { ref: true, slug: true } });
  if (!current) throw new AppError('not_found', 'This plant does not exist.');
  const place = await placePlant(tx, data.regionId);
  const slug = data.slug === null || data.slug === current.slug ? current.slug : await freeSlug(async (s) => {
    const other = await tx.plant.findUnique({ where: { slug: s }, select: { id: true } });
    return !!other && other.id !== id;
  }, data.slug, false);
  const ref = data.ref ?? current.ref;
  if (ref !== current.ref && await tx.plant.findUnique({ where: { ref }, select: { id: true } })) {
    throw new AppError('invalid', 'This ref is already used.', { fieldErrors: { ref: ['Already used by another plant.'] } });
  }
  const values = {
    ref, slug, name: data.name, city: data.city, regionId: place.regionId,
    countryId: place.countryId, lat: data.lat, lon: data.lon, locationApproximate: data.locationApproximate,
    chemistry: data.chemistry, chemistryFamily: data.chemistryFamily, segment: data.segment,
    facilityType: data.facilityType, inCellTotals: data.inCellTotals, startYear: data.startYear,
    confidence: data.confidence, notes: data.notes,
  };
  const { after } = await versionedUpdate(tx, who, {
    entityType: 'plant', id, expectedVersion: version, submitted: snapshot(values),
    load: () => tx.plant.findUnique({ where: { id } }),
    write: () => tx.plant.updateMany({ where: { id, version, deletedAt: null }, data: { ...values, version: { increment: 1 } } }),
  });
  return { id, slug: after.slug, version: after.version };
}
