import 'server-only';
import { winningAnnouncement } from '../domain/capacity';
import { Prisma } from '../generated/prisma/client';
import { todayIso } from '../validation/capacity';
import { db } from './client';
import type { SourceRef } from './regions';

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const sourceSelect = { select: { url: true, publisher: true, title: true, publishedOn: true, tier: true } } as const;
type SourceRow = { url: string | null; publisher: string; title: string; publishedOn: Date | null; tier: SourceRef['tier'] };
const toSource = (s: SourceRow | null): SourceRef | null =>
  s ? { url: s.url, publisher: s.publisher, title: s.title, publishedOn: iso(s.publishedOn), tier: s.tier } : null;

/** When a fact took effect (with its precision), when it became public, and where it was read. */
export interface DatedFact { effectiveOn: string; datePrecision: string; knownOn: string; note: string | null; source: SourceRef | null }

export interface PlantDetail {
  ref: string;
  slug: string;
  name: string;
  city: string;
  /** The operator today (the latest operator fact). */
  operator: { slug: string; name: string; origin: string; status: string };
  /** Every operator the plant had, oldest first. */
  operators: (DatedFact & { slug: string; name: string })[];
  /** Partners holding a stake today. */
  partners: { slug: string; name: string; role: string; stakePct: number | null; note: string | null }[];
  /** Every partner fact (joined, changed, left), oldest first. */
  partnerHistory: (DatedFact & { slug: string; name: string; role: string; stakePct: number | null; ended: boolean })[];
  region: { slug: string; name: string; path: string };
  /** Root first, down to the plant's own region (Western Europe › France › Hauts-de-France › Nord-Pas-de-Calais). */
  regionTrail: { slug: string; name: string; level: string }[];
  country: { slug: string; name: string; code: string | null };
  lat: number | null;
  lon: number | null;
  locationApproximate: boolean;
  status: string;
  statusSince: string | null;
  chemistry: string | null;
  chemistryFamily: string;
  segment: string;
  facilityType: string;
  inCellTotals: boolean;
  startYear: number | null;
  confidence: string;
  notes: string | null;
  updatedAt: string;
  statusHistory: (DatedFact & { status: string })[];
  announcements: (Omit<DatedFact, 'effectiveOn'> & {
    id: number; scope: string; targetYear: number | null; gwhPerYear: number; announcedOn: string; confidence: string;
    /** A later announcement for the same target year replaced this one. */
    superseded: boolean;
  })[];
  /** Today's figures: the current year, TARGET_YEAR (null: not disclosed) and the full build-out. */
  capacity: { year: number; nowGwh: number | null; y2030Gwh: number | null; fullPlanGwh: number | null };
  contracts: { ref: string; kind: string; status: string; supplier: string; buyer: string; volumeGwh: number | null; volumeBasis: string | null; startYear: number | null; endYear: number | null; description: string | null }[];
  sources: SourceRef[];
  /** The newest date a fact about the plant became public. */
  dataCurrentTo: string | null;
  /** A planned milestone has passed with no newer fact (plant_review_due in the bitemporal migration). */
  reviewDue: { milestoneYear: number; newestFact: string } | null;
  /**
   * The plant's announced capacity by year as it stood after each day its figures changed, oldest
   * first (the last is today's view): "was 60 GWh, now 16 GWh" reads off the lines.
   */
  capacityHistory: { fromYear: number; toYear: number; vintages: { asOf: string; values: { year: number; gwh: number }[] }[] };
}

type AnnouncementRow = { id: number; scope: string; targetYear: number | null; gwhPerYear: number; announcedOn: string; knownOn: string };

/** Each day the figures changed (a figure became known), by the rule's oracle in lib/domain/capacity.ts. */
function capacityVintages(announcements: AnnouncementRow[]) {
  const milestones = announcements.flatMap((a) => (a.scope === 'milestone' && a.targetYear !== null ? [{ ...a, targetYear: a.targetYear }] : []));
  if (milestones.length === 0) return { fromYear: 2030, toYear: 2030, vintages: [] };
  const years = milestones.map((a) => a.targetYear);
  const fromYear = Math.min(2020, ...years);
  const toYear = Math.max(2030, ...years);
  const dates = [...new Set(milestones.map((a) => a.knownOn))].sort();
  return {
    fromYear,
    toYear,
    vintages: dates.map((asOf) => ({
      asOf,
      values: Array.from({ length: toYear - fromYear + 1 }, (_, i) => ({
        year: fromYear + i, gwh: winningAnnouncement(milestones, fromYear + i, asOf)?.gwhPerYear ?? 0,
      })),
    })),
  };
}

const dated = { effectiveOn: true, datePrecision: true, knownOn: true, note: true, source: sourceSelect } as const;
const toDated = (x: { effectiveOn: Date; datePrecision: string; knownOn: Date; note: string | null; source: SourceRow | null }): DatedFact =>
  ({ effectiveOn: iso(x.effectiveOn)!, datePrecision: x.datePrecision, knownOn: iso(x.knownOn)!, note: x.note, source: toSource(x.source) });

export async function getPlant(slug: string): Promise<PlantDetail | null> {
  const p = await db().plant.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true, ref: true, slug: true, name: true, city: true, lat: true, lon: true, locationApproximate: true, status: true,
      chemistry: true, chemistryFamily: true, segment: true, facilityType: true, inCellTotals: true, startYear: true,
      confidence: true, notes: true, updatedAt: true,
      operator: { select: { slug: true, name: true, origin: true, status: true } },
      operators: {
        where: { deletedAt: null }, orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }],
        select: { ...dated, company: { select: { slug: true, name: true } } },
      },
      partners: {
        where: { deletedAt: null }, orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }],
        select: { ...dated, role: true, stakePct: true, ended: true, companyId: true, company: { select: { slug: true, name: true } } },
      },
      region: { select: { slug: true, name: true, path: true } },
      country: { select: { slug: true, name: true, code: true } },
      statusEvents: {
        where: { deletedAt: null }, orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }],
        select: { ...dated, status: true },
      },
      announcements: {
        where: { deletedAt: null }, orderBy: [{ targetYear: 'asc' }, { announcedOn: 'asc' }, { knownOn: 'asc' }, { id: 'asc' }],
        select: { id: true, scope: true, targetYear: true, gwhPerYear: true, announcedOn: true, datePrecision: true, knownOn: true, confidence: true, note: true, source: sourceSelect },
      },
      contracts: {
        where: { deletedAt: null }, orderBy: { ref: 'asc' },
        select: { ref: true, kind: true, status: true, volumeGwh: true, volumeBasis: true, startYear: true, endYear: true, description: true, supplier: { select: { name: true } }, buyer: { select: { name: true } } },
      },
      sources: { select: { source: sourceSelect } },
    },
  });
  if (!p) return null;
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const [trail, [figures], [review]] = await Promise.all([
    db().region.findMany({ where: { slug: { in: p.region.path.split('/').filter(Boolean) } }, select: { slug: true, name: true, level: true, path: true } }),
    db().$queryRaw<{ now_gwh: number | null; y2030_gwh: number | null; full_gwh: number | null; has_steps: boolean; known_on: string | null }[]>(Prisma.sql`
      SELECT (SELECT s.gwh_per_year::float8 FROM capacity_steps_on(${today}::date) s
               WHERE s.plant_id = ${p.id} AND s.from_year <= ${year} AND ${year} < s.to_year) AS now_gwh,
             (SELECT s.gwh_per_year::float8 FROM capacity_steps_on(${today}::date) s
               WHERE s.plant_id = ${p.id} AND s.from_year <= 2030 AND 2030 < s.to_year) AS y2030_gwh,
             (SELECT GREATEST((SELECT MAX(s.gwh_per_year) FROM capacity_steps_on(${today}::date) s WHERE s.plant_id = ${p.id}),
                              (SELECT lt.gwh_per_year FROM long_term_on(${today}::date) lt WHERE lt.plant_id = ${p.id}))::float8) AS full_gwh,
             EXISTS (SELECT 1 FROM capacity_steps_on(${today}::date) s WHERE s.plant_id = ${p.id}) AS has_steps,
             to_char(GREATEST((SELECT MAX(a.known_on) FROM capacity_announcement a WHERE a.plant_id = ${p.id} AND a.deleted_at IS NULL),
                              (SELECT MAX(e.known_on) FROM plant_status_event e WHERE e.plant_id = ${p.id} AND e.deleted_at IS NULL),
                              (SELECT MAX(o.known_on) FROM plant_operator o WHERE o.plant_id = ${p.id} AND o.deleted_at IS NULL)), 'YYYY-MM-DD') AS known_on`),
    db().$queryRaw<{ milestone_year: number; newest_fact: string }[]>(Prisma.sql`
      SELECT r.milestone_year, to_char(r.newest_fact, 'YYYY-MM-DD') AS newest_fact FROM plant_review_due(${today}::date) r WHERE r.plant_id = ${p.id}`),
  ]);
  const announcements = p.announcements.map((a) => ({
    ...a, gwhPerYear: Number(a.gwhPerYear), announcedOn: iso(a.announcedOn)!, knownOn: iso(a.knownOn)!,
    source: toSource(a.source),
  }));
  // Superseded: another figure for the same target year wins by the rule's order (announced, known, id).
  const winner = new Map<string, number>();
  for (const a of announcements) {
    const key = `${a.scope}:${a.targetYear}`;
    const best = announcements.find((b) => b.id === winner.get(key));
    if (!best || a.announcedOn > best.announcedOn || (a.announcedOn === best.announcedOn && (a.knownOn > best.knownOn || (a.knownOn === best.knownOn && a.id > best.id)))) winner.set(key, a.id);
  }
  // Partners today: per company, the latest fact, unless it says the company left.
  const latestPartner = new Map<number, (typeof p.partners)[number]>();
  for (const x of p.partners) if (x.effectiveOn.toISOString().slice(0, 10) <= today) latestPartner.set(x.companyId, x);
  const current = p.statusEvents.filter((e) => iso(e.effectiveOn)! <= today).at(-1);
  const operational = p.status === 'operational';
  const capacity = {
    year,
    // Now: what runs (the operational rule); 2030: the announced rule. Null where not disclosed.
    nowGwh: operational ? figures?.now_gwh ?? null : 0,
    y2030Gwh: p.status === 'cancelled' ? 0 : figures?.y2030_gwh ?? (figures?.has_steps && !operational ? 0 : null),
    fullPlanGwh: figures?.full_gwh ?? null,
  };
  return {
    ref: p.ref, slug: p.slug, name: p.name, city: p.city, locationApproximate: p.locationApproximate, status: p.status,
    chemistry: p.chemistry, chemistryFamily: p.chemistryFamily, segment: p.segment, facilityType: p.facilityType,
    inCellTotals: p.inCellTotals, startYear: p.startYear, confidence: p.confidence, notes: p.notes,
    operator: p.operator, region: p.region, country: p.country,
    regionTrail: trail.sort((a, b) => a.path.length - b.path.length).map(({ slug: s, name, level }) => ({ slug: s, name, level })),
    lat: p.lat === null ? null : Number(p.lat),
    lon: p.lon === null ? null : Number(p.lon),
    updatedAt: p.updatedAt.toISOString(),
    statusSince: current ? iso(current.effectiveOn) : null,
    operators: p.operators.map((o) => ({ ...toDated(o), slug: o.company.slug, name: o.company.name })),
    partners: [...latestPartner.values()].filter((x) => !x.ended)
      .map((x) => ({ slug: x.company.slug, name: x.company.name, role: x.role, stakePct: x.stakePct === null ? null : Number(x.stakePct), note: x.note })),
    partnerHistory: p.partners.map((x) => ({
      ...toDated(x), slug: x.company.slug, name: x.company.name, role: x.role, ended: x.ended,
      stakePct: x.stakePct === null ? null : Number(x.stakePct),
    })),
    statusHistory: p.statusEvents.map((e) => ({ ...toDated(e), status: e.status })),
    announcements: announcements.map((a) => ({ ...a, superseded: winner.get(`${a.scope}:${a.targetYear}`) !== a.id })),
    capacity,
    capacityHistory: capacityVintages(announcements),
    contracts: p.contracts.map((c) => ({
      ref: c.ref, kind: c.kind, status: c.status, supplier: c.supplier.name, buyer: c.buyer.name,
      volumeGwh: c.volumeGwh === null ? null : Number(c.volumeGwh), volumeBasis: c.volumeBasis,
      startYear: c.startYear, endYear: c.endYear, description: c.description,
    })),
    sources: p.sources.map((s) => toSource(s.source)!),
    dataCurrentTo: figures?.known_on ?? null,
    reviewDue: review ? { milestoneYear: review.milestone_year, newestFact: review.newest_fact } : null,
  };
}
