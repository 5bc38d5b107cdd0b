import 'server-only';
import { stepCapacity } from '../domain/capacity';
import { db } from './client';
import type { SourceRef } from './regions';

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const sourceSelect = { select: { url: true, publisher: true, title: true, publishedOn: true } } as const;
const toSource = (s: { url: string | null; publisher: string; title: string; publishedOn: Date | null } | null): SourceRef | null =>
  s ? { url: s.url, publisher: s.publisher, title: s.title, publishedOn: iso(s.publishedOn) } : null;

export interface PlantDetail {
  ref: string;
  slug: string;
  name: string;
  city: string;
  operator: { slug: string; name: string; origin: string; status: string };
  partners: { slug: string; name: string; role: string; stakePct: number | null; note: string | null }[];
  region: { slug: string; name: string; path: string };
  country: { slug: string; name: string; code: string | null };
  lat: number | null;
  lon: number | null;
  locationApproximate: boolean;
  status: string;
  chemistry: string | null;
  chemistryFamily: string;
  segment: string;
  facilityType: string;
  inCellTotals: boolean;
  startYear: number | null;
  confidence: string;
  notes: string | null;
  updatedAt: string;
  statusHistory: { status: string; effectiveOn: string; datePrecision: string; note: string | null; source: SourceRef | null }[];
  announcements: {
    id: number; scope: string; targetYear: number | null; gwhPerYear: number; announcedOn: string;
    datePrecision: string; confidence: string; note: string | null; source: SourceRef | null;
    /** A later announcement for the same target year replaced this one. */
    superseded: boolean;
  }[];
  contracts: { ref: string; kind: string; status: string; supplier: string; buyer: string; volumeGwh: number | null; volumeBasis: string | null; startYear: number | null; endYear: number | null; description: string | null }[];
  sources: SourceRef[];
  /**
   * The plant's announced capacity by year as it stood after each announcement date, oldest
   * first (the last is today's view): "was 60 GWh, now 16 GWh" reads off the lines.
   */
  capacityHistory: { fromYear: number; toYear: number; vintages: { asOf: string; values: { year: number; gwh: number }[] }[] };
}

/** Each announcement date's view of the yearly figures, by the step rule in lib/domain/capacity.ts. */
function capacityVintages(announcements: { id: number; scope: string; targetYear: number | null; gwhPerYear: number; announcedOn: string }[]) {
  const milestones = announcements.flatMap((a) => (a.scope === 'milestone' && a.targetYear !== null
    ? [{ id: a.id, targetYear: a.targetYear, gwhPerYear: a.gwhPerYear, announcedOn: a.announcedOn }] : []));
  if (milestones.length === 0) return { fromYear: 2030, toYear: 2030, vintages: [] };
  const years = milestones.map((a) => a.targetYear);
  const fromYear = Math.min(2020, ...years);
  const toYear = Math.max(2030, ...years);
  const dates = [...new Set(milestones.map((a) => a.announcedOn))].sort();
  return {
    fromYear,
    toYear,
    vintages: dates.map((asOf) => ({
      asOf,
      values: Array.from({ length: toYear - fromYear + 1 }, (_, i) => ({
        year: fromYear + i, gwh: stepCapacity(milestones, fromYear + i, asOf),
      })),
    })),
  };
}

export async function getPlant(slug: string): Promise<PlantDetail | null> {
  const p = await db().plant.findFirst({
    where: { slug, deletedAt: null },
    select: {
      ref: true, slug: true, name: true, city: true, lat: true, lon: true, locationApproximate: true, status: true,
      chemistry: true, chemistryFamily: true, segment: true, facilityType: true, inCellTotals: true, startYear: true,
      confidence: true, notes: true, updatedAt: true,
      operator: { select: { slug: true, name: true, origin: true, status: true } },
      partners: { select: { role: true, stakePct: true, note: true, company: { select: { slug: true, name: true } } }, orderBy: { id: 'asc' } },
      region: { select: { slug: true, name: true, path: true } },
      country: { select: { slug: true, name: true, code: true } },
      statusEvents: {
        where: { deletedAt: null }, orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }],
        select: { status: true, effectiveOn: true, datePrecision: true, note: true, source: sourceSelect },
      },
      announcements: {
        where: { deletedAt: null }, orderBy: [{ targetYear: 'asc' }, { announcedOn: 'asc' }, { id: 'asc' }],
        select: { id: true, scope: true, targetYear: true, gwhPerYear: true, announcedOn: true, datePrecision: true, confidence: true, note: true, source: sourceSelect },
      },
      contracts: {
        where: { deletedAt: null }, orderBy: { ref: 'asc' },
        select: { ref: true, kind: true, status: true, volumeGwh: true, volumeBasis: true, startYear: true, endYear: true, description: true, supplier: { select: { name: true } }, buyer: { select: { name: true } } },
      },
      sources: { select: { source: sourceSelect } },
    },
  });
  if (!p) return null;
  const latestPerYear = new Map<string, number>();
  for (const a of p.announcements) latestPerYear.set(`${a.scope}:${a.targetYear}`, a.id);
  const announcements = p.announcements.map((a) => ({
    ...a, gwhPerYear: Number(a.gwhPerYear), announcedOn: iso(a.announcedOn)!, source: toSource(a.source),
    superseded: latestPerYear.get(`${a.scope}:${a.targetYear}`) !== a.id,
  }));
  return {
    ...p,
    lat: p.lat === null ? null : Number(p.lat),
    lon: p.lon === null ? null : Number(p.lon),
    updatedAt: p.updatedAt.toISOString(),
    partners: p.partners.map((x) => ({ slug: x.company.slug, name: x.company.name, role: x.role, stakePct: x.stakePct === null ? null : Number(x.stakePct), note: x.note })),
    statusHistory: p.statusEvents.map((e) => ({ ...e, effectiveOn: iso(e.effectiveOn)!, source: toSource(e.source) })),
    announcements,
    capacityHistory: capacityVintages(announcements),
    contracts: p.contracts.map((c) => ({
      ref: c.ref, kind: c.kind, status: c.status, supplier: c.supplier.name, buyer: c.buyer.name,
      volumeGwh: c.volumeGwh === null ? null : Number(c.volumeGwh), volumeBasis: c.volumeBasis,
      startYear: c.startYear, endYear: c.endYear, description: c.description,
    })),
    sources: p.sources.map((s) => toSource(s.source)!),
  };
}
