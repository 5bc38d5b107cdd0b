import 'server-only';
import { requireRole } from '../../auth/session';
import { slugify } from '../../validation/form-fields';
import { PlantCreateSchema } from '../../validation/plant';
import { auditActor, snapshot, writeAudit } from './audit';
import { parseInput } from './parse-input';
import { placePlant, requireLiveCompany } from './placement';
import { freeSlug, nextPlantRef } from './references';
import { resolveSource } from './resolve-source';
import { resolveKnownOn } from './known-on';
import { inTransaction } from './transaction';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * A new plant with its first operator and dated status, its source and, optionally, its first
 * capacity figure, all in one transaction with one audit row per created record.
 */
export async function createPlant(input: unknown): Promise<{ id: number; ref: string; slug: string }> {
  const actor = await requireRole('editor');
  const data = parseInput(PlantCreateSchema, input);
  const who = auditActor(actor);
  return inTransaction(async (tx) => {
    await requireLiveCompany(tx, data.operatorId, 'operatorId');
    const place = await placePlant(tx, data.regionId);
    const sourceId = await resolveSource(tx, who, data.source);
    const knownOn = await resolveKnownOn(tx, { sourceId, knownOn: data.knownOn, notBefore: data.firstAnnouncedOn ?? undefined });
    const ref = data.ref ?? await nextPlantRef(tx, place.countryCode);
    const slug = await freeSlug(async (s) => !!(await tx.plant.findUnique({ where: { slug: s }, select: { id: true } })), data.slug ?? slugify(data.name), data.slug === null);
    const plant = await tx.plant.create({
      data: {
        ref, slug, name: data.name, operatorId: data.operatorId, city: data.city,
        regionId: place.regionId, countryId: place.countryId, lat: data.lat, lon: data.lon,
        locationApproximate: data.locationApproximate, status: data.status, chemistry: data.chemistry,
        chemistryFamily: data.chemistryFamily, segment: data.segment, facilityType: data.facilityType,
        inCellTotals: data.inCellTotals, startYear: data.startYear, confidence: data.confidence, notes: data.notes,
        sources: { create: [{ sourceId }] },
      },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'plant', entityId: plant.id, before: null, after: { ...snapshot(plant), sourceId } });
    const operator = await tx.plantOperator.create({
      data: { ref: `${ref}/O1`, plantId: plant.id, companyId: data.operatorId, effectiveOn: day(data.statusSince), datePrecision: data.statusPrecision, knownOn, sourceId },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'plant_operator', entityId: operator.id, before: null, after: snapshot(operator) });
    const event = await tx.plantStatusEvent.create({
      data: { ref: `${ref}/S1`, plantId: plant.id, status: data.status, effectiveOn: day(data.statusSince), datePrecision: data.statusPrecision, knownOn, sourceId },
    });
    await writeAudit(tx, who, { action: 'create', entityType: 'plant_status_event', entityId: event.id, before: null, after: snapshot(event) });
    if (data.firstGwh !== null && data.firstTargetYear !== null && data.firstAnnouncedOn !== null) {
      const figure = await tx.capacityAnnouncement.create({
        data: {
          ref: `${ref}/A1`, plantId: plant.id, scope: 'milestone', targetYear: data.firstTargetYear, gwhPerYear: data.firstGwh,
          announcedOn: day(data.firstAnnouncedOn), datePrecision: 'day', knownOn, sourceId, confidence: data.confidence,
        },
      });
      await writeAudit(tx, who, { action: 'create', entityType: 'capacity_announcement', entityId: figure.id, before: null, after: snapshot(figure) });
    }
    return { id: plant.id, ref, slug };
  });
}
