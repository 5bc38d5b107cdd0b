import 'server-only';
import { DEFAULT_WEIGHTS, TARGET_YEAR } from '../domain/capacity';
import { comparisonAsOf, coverage, measureFor, type OurMeasure } from '../domain/tracker-comparison';
import { getCapacityTotal } from './capacity-series';
import { db } from './client';
import { getHeadline } from './headline';
import type { SourceRef } from './regions';

export interface OurFigure {
  /** The date our figure is read on (the tracker's date, or the end of the year it describes). */
  asOf: string;
  /** What we count by the same measure from dated figures only. */
  dated: number;
  /** Plants counted but with no disclosed figure. */
  undisclosedPlants: number;
  /** With long-term plans without a year (from TARGET_YEAR on; null where not applicable). */
  withLongTerm: number | null;
  /** Every plant not cancelled at the largest figure it had announced (announced measures only). */
  fullBuildOut: number | null;
  /** dated ÷ theirs. */
  coverage: number | null;
}

export interface TrackerComparison {
  ref: string;
  publisher: string;
  metric: string;
  value: number;
  unit: string;
  scope: string;
  note: string | null;
  knownOn: string;
  region: { slug: string; name: string } | null;
  source: SourceRef;
  measure: OurMeasure | null;
  ours: OurFigure | null;
}

async function ourFigure(measure: OurMeasure, knownOn: string, regionPath: string | undefined, theirs: number): Promise<OurFigure> {
  const asOf = comparisonAsOf(measure, knownOn);
  const base = { asOf, weights: DEFAULT_WEIGHTS, regionPath };
  const done = (dated: number, undisclosedPlants: number, withLongTerm: number | null, fullBuildOut: number | null): OurFigure =>
    ({ asOf, dated, undisclosedPlants, withLongTerm, fullBuildOut, coverage: coverage(dated, theirs) });
  if (measure.kind === 'operational') {
    const total = await getCapacityTotal({ ...base, scenario: 'operational' }, measure.year ?? Number(asOf.slice(0, 4)));
    return done(total.gwh, total.undisclosedPlants, null, null);
  }
  const headline = await getHeadline(asOf, DEFAULT_WEIGHTS, regionPath);
  if (measure.kind === 'plants') {
    return done(headline.plantCount - headline.plantsByStatus.cancelled, 0, null, null);
  }
  if (measure.kind === 'pipeline') return done(headline.fullBuildOut.gwh, 0, null, null);
  if (measure.year === TARGET_YEAR) {
    const h = headline.announced2030;
    return done(h.gwh, h.undisclosedPlants, h.gwh + headline.longTermOnly2030.gwh, headline.fullBuildOut.gwh);
  }
  const total = await getCapacityTotal({ ...base, scenario: 'announced' }, measure.year);
  const longTerm = measure.year >= TARGET_YEAR ? await getCapacityTotal({ ...base, scenario: 'announced', longTerm: true }, measure.year) : null;
  return done(total.gwh, total.undisclosedPlants, longTerm?.gwh ?? null, null);
}

/**
 * Every figure other trackers published (tracker_figure), oldest first, each with ours by the same
 * measure as known on the day theirs became public: the reconciliation table of /methodology.
 */
export async function listTrackerComparisons(): Promise<TrackerComparison[]> {
  const rows = await db().trackerFigure.findMany({
    orderBy: [{ knownOn: 'asc' }, { ref: 'asc' }],
    include: {
      source: { select: { url: true, publisher: true, title: true, publishedOn: true, tier: true } },
      region: { select: { slug: true, name: true, path: true } },
    },
  });
  return Promise.all(rows.map(async (r) => {
    const knownOn = r.knownOn.toISOString().slice(0, 10);
    const measure = r.unit === 'share' ? null : measureFor(r.metric);
    const value = Number(r.value);
    return {
      ref: r.ref, publisher: r.publisher, metric: r.metric, value, unit: r.unit, scope: r.scope, note: r.note, knownOn,
      region: r.region ? { slug: r.region.slug, name: r.region.name } : null,
      source: { ...r.source, publishedOn: r.source.publishedOn?.toISOString().slice(0, 10) ?? null },
      measure,
      ours: measure ? await ourFigure(measure, knownOn, r.region?.path, value) : null,
    };
  }));
}

export interface PipelineGapRow {
  slug: string; name: string; countryName: string; status: string;
  /** The dated figure for TARGET_YEAR known then (null: none yet). */
  datedGwh: number | null;
  /** The largest figure announced by then, long-term plans included. */
  fullPlanGwh: number;
}

/**
 * Plant by plant, as known on `asOf`: plants whose full plan exceeded their dated TARGET_YEAR
 * figure. Trackers that count plans without a year as TARGET_YEAR capacity count the difference;
 * our dated total does not. Largest gaps first.
 */
export async function listPipelineGap(asOf: string, limit = 25): Promise<{ rows: PipelineGapRow[]; totalGap: number; plants: number }> {
  const rows = await db().$queryRaw<(PipelineGapRow & { gap: number })[]>`
    WITH st AS (SELECT s.plant_id, s.status, s.effective_on FROM plant_status_on(${asOf}::date) s),
    dated AS (SELECT c.plant_id, c.gwh_per_year FROM capacity_steps_on(${asOf}::date) c WHERE c.from_year <= ${TARGET_YEAR}::int AND ${TARGET_YEAR}::int < c.to_year),
    top AS (SELECT c.plant_id, MAX(c.gwh_per_year) AS gwh FROM capacity_steps_on(${asOf}::date) c GROUP BY c.plant_id)
    SELECT p.slug, p.name, co.name AS "countryName", st.status::text AS status, d.gwh_per_year::float8 AS "datedGwh",
           GREATEST(lt.gwh_per_year, top.gwh)::float8 AS "fullPlanGwh",
           (GREATEST(lt.gwh_per_year, top.gwh) - COALESCE(d.gwh_per_year, 0))::float8 AS gap
    FROM plant p JOIN st ON st.plant_id = p.id AND st.status <> 'cancelled' JOIN region co ON co.id = p.country_id
    LEFT JOIN dated d ON d.plant_id = p.id LEFT JOIN top ON top.plant_id = p.id LEFT JOIN long_term_on(${asOf}::date) lt ON lt.plant_id = p.id
    WHERE p.deleted_at IS NULL AND p.in_cell_totals
      AND GREATEST(lt.gwh_per_year, top.gwh) > COALESCE(d.gwh_per_year, 0)
    ORDER BY gap DESC, p.name`;
  return {
    rows: rows.slice(0, limit).map((r) => ({ slug: r.slug, name: r.name, countryName: r.countryName, status: r.status, datedGwh: r.datedGwh, fullPlanGwh: r.fullPlanGwh })),
    totalGap: Math.round(rows.reduce((s, r) => s + r.gap, 0) * 1000) / 1000,
    plants: rows.length,
  };
}
