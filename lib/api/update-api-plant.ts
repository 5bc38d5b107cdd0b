// PATCH /api/v1/plants/{slug}: a partial plant edit through an API key, applied by the admin form's
// own update (lib/db/admin/update-plant.ts): same schema, same optimistic locking, same audit row.
import type { Plant } from '../generated/prisma/client';
import { AppError } from '../errors';
import { parseInput } from '../db/admin/parse-input';
import { inTransaction } from '../db/admin/transaction';
import { applyPlantUpdate } from '../db/admin/update-plant';
import type { ApiKeyActor } from '../db/api/authenticate-api-key';
import { requireApiWriter } from '../db/api/create-api-announcement';
import type { PlantUpdateBody, UpdatedPlantData } from '../validation/api/writes';
import { PlantUpdateSchema } from '../validation/plant';

const decimal = (v: Plant['lat']) => (v === null ? null : Number(v.toString()));

/** The plant's current values as the admin form's input. */
function formValues(p: Plant): Record<string, unknown> {
  return {
    ref: p.ref, name: p.name, slug: p.slug, city: p.city, regionId: p.regionId,
    lat: decimal(p.lat), lon: decimal(p.lon), locationApproximate: p.locationApproximate, chemistry: p.chemistry,
    chemistryFamily: p.chemistryFamily, segment: p.segment, facilityType: p.facilityType, inCellTotals: p.inCellTotals,
    startYear: p.startYear, confidence: p.confidence, notes: p.notes,
  };
}

function reply(p: Plant): UpdatedPlantData {
  return {
    ref: p.ref, slug: p.slug, name: p.name, operatorId: p.operatorId, city: p.city, regionId: p.regionId,
    lat: decimal(p.lat), lon: decimal(p.lon), locationApproximate: p.locationApproximate, chemistry: p.chemistry,
    chemistryFamily: p.chemistryFamily, segment: p.segment, facilityType: p.facilityType, inCellTotals: p.inCellTotals,
    startYear: p.startYear, confidence: p.confidence, notes: p.notes, version: p.version, updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * Reads the plant, fills the fields not sent with its current values, validates the whole with the
 * admin form's schema and applies it — all in one transaction, so a stale `version` (or a
 * concurrent edit) is a 409 with nothing written.
 */
export async function updateApiPlant(key: ApiKeyActor | null, slug: string, body: PlantUpdateBody): Promise<UpdatedPlantData> {
  const who = requireApiWriter(key);
  return inTransaction(async (tx) => {
    const plant = await tx.plant.findFirst({ where: { slug, deletedAt: null } });
    if (!plant) throw new AppError('not_found', 'No plant has this slug.');
    const sent = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const data = parseInput(PlantUpdateSchema, { ...formValues(plant), ...sent });
    await applyPlantUpdate(tx, who, plant.id, data);
    return reply(await tx.plant.findUniqueOrThrow({ where: { id: plant.id } }));
  });
}
