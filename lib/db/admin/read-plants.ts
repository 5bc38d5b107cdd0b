import 'server-only';
import { requireRole } from '../../auth/session';
import { db } from '../client';

export interface AdminPlantRow {
  id: number; ref: string; slug: string; name: string; operator: string; city: string; country: string;
  status: string; deleted: boolean; version: number;
}

/** Plants matching `q` (ref, name, city, operator), deleted ones only when asked. */
export async function listAdminPlants(opts: { q: string; deleted: boolean }): Promise<AdminPlantRow[]> {
  await requireRole('viewer');
  const q = opts.q.trim();
  const rows = await db().plant.findMany({
    where: {
      ...(opts.deleted ? { deletedAt: { not: null } } : { deletedAt: null }),
      ...(q ? { OR: [
        { ref: { contains: q, mode: 'insensitive' as const } }, { name: { contains: q, mode: 'insensitive' as const } },
        { city: { contains: q, mode: 'insensitive' as const } }, { operator: { name: { contains: q, mode: 'insensitive' as const } } },
      ] } : {}),
    },
    select: {
      id: true, ref: true, slug: true, name: true, city: true, status: true, deletedAt: true, version: true,
      operator: { select: { name: true } }, country: { select: { name: true } },
    },
    orderBy: { ref: 'asc' },
    take: 300,
  });
  return rows.map((r) => ({
    id: r.id, ref: r.ref, slug: r.slug, name: r.name, operator: r.operator.name, city: r.city,
    country: r.country.name, status: r.status, deleted: r.deletedAt !== null, version: r.version,
  }));
}

export type PlantFormValues = {
  ref: string; name: string; slug: string; city: string; regionId: string;
  lat: string; lon: string; locationApproximate: boolean; chemistry: string; chemistryFamily: string;
  segment: string; facilityType: string; inCellTotals: boolean; startYear: string; confidence: string;
  notes: string; version: string;
};

export interface PlantForEdit {
  id: number; slug: string; name: string; status: string; deleted: boolean;
  values: PlantFormValues;
  coordinates: { lat: number; lon: number } | null;
  events: { id: number; ref: string; status: string; effectiveOn: string; knownOn: string; source: string | null; note: string | null; deleted: boolean }[];
  announcements: {
    id: number; ref: string; scope: string; targetYear: number | null; gwhPerYear: number; announcedOn: string; knownOn: string;
    confidence: string; source: string | null; sourceId: number | null; note: string | null; deleted: boolean;
  }[];
  /** Every operator fact, newest first (the first row is today's operator). */
  operators: { id: number; ref: string; company: string; effectiveOn: string; knownOn: string; source: string | null; note: string | null; deleted: boolean }[];
  /** Every partner fact, newest first. */
  partners: { id: number; ref: string; company: string; role: string; stakePct: number | null; ended: boolean; effectiveOn: string; knownOn: string; source: string | null; deleted: boolean }[];
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const day = (d: Date) => d.toISOString().slice(0, 10);
const sourceLabel = (src: { publisher: string; title: string } | null) => (src ? `${src.publisher} — ${src.title}` : null);

export async function getPlantForEdit(id: number): Promise<PlantForEdit | null> {
  await requireRole('viewer');
  const p = await db().plant.findUnique({
    where: { id },
    include: {
      statusEvents: { orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], include: { source: { select: { publisher: true, title: true } } } },
      announcements: { orderBy: [{ announcedOn: 'desc' }, { id: 'desc' }], include: { source: { select: { publisher: true, title: true } } } },
      operators: { orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], include: { company: { select: { name: true } }, source: { select: { publisher: true, title: true } } } },
      partners: { orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], include: { company: { select: { name: true } }, source: { select: { publisher: true, title: true } } } },
    },
  });
  if (!p) return null;
  return {
    id: p.id, slug: p.slug, name: p.name, status: p.status, deleted: p.deletedAt !== null,
    coordinates: p.lat !== null && p.lon !== null ? { lat: Number(p.lat), lon: Number(p.lon) } : null,
    values: {
      ref: p.ref, name: p.name, slug: p.slug, city: p.city, regionId: s(p.regionId),
      lat: s(p.lat), lon: s(p.lon), locationApproximate: p.locationApproximate, chemistry: s(p.chemistry),
      chemistryFamily: p.chemistryFamily, segment: p.segment, facilityType: p.facilityType, inCellTotals: p.inCellTotals,
      startYear: s(p.startYear), confidence: p.confidence, notes: s(p.notes), version: s(p.version),
    },
    events: p.statusEvents.map((e) => ({
      id: e.id, ref: e.ref, status: e.status, effectiveOn: day(e.effectiveOn), knownOn: day(e.knownOn), source: sourceLabel(e.source), note: e.note, deleted: e.deletedAt !== null,
    })),
    operators: p.operators.map((o) => ({
      id: o.id, ref: o.ref, company: o.company.name, effectiveOn: day(o.effectiveOn), knownOn: day(o.knownOn), source: sourceLabel(o.source), note: o.note, deleted: o.deletedAt !== null,
    })),
    partners: p.partners.map((x) => ({
      id: x.id, ref: x.ref, company: x.company.name, role: x.role, stakePct: x.stakePct === null ? null : Number(x.stakePct), ended: x.ended,
      effectiveOn: day(x.effectiveOn), knownOn: day(x.knownOn), source: sourceLabel(x.source), deleted: x.deletedAt !== null,
    })),
    announcements: p.announcements.map((a) => ({
      id: a.id, ref: a.ref, scope: a.scope, targetYear: a.targetYear, gwhPerYear: Number(a.gwhPerYear), announcedOn: day(a.announcedOn), knownOn: day(a.knownOn),
      confidence: a.confidence, source: sourceLabel(a.source), sourceId: a.sourceId, note: a.note, deleted: a.deletedAt !== null,
    })),
  };
}
