import 'server-only';
import { TARGET_YEAR, type StatusWeights } from '../domain/capacity';
import type { DashboardParams } from '../validation/dashboard';
import { type CapacityPoint, getCapacitySeries } from './capacity-series';
import { db } from './client';
import { getHeadline, type Headline } from './headline';
import { getOfftakeCoverage, type OfftakeCoverage } from './offtake-coverage';
import { getPipelineHistory, type PipelineDrop, type PipelinePoint } from './pipeline-history';
import { listPlantCapacities, type PlantCapacityRow } from './plant-capacities';
import { type ChangeRow, listChanges } from './list-changes';

export interface DashboardData {
  fromYear: number;
  toYear: number;
  headline: Headline;
  /** The main chart: capacity per group and year under the chosen scenario. */
  series: CapacityPoint[];
  /** Capacity in the chosen year: per company, per ownership origin, per country (map). */
  byCompany: CapacityPoint[];
  byOrigin: CapacityPoint[];
  byCountry: CapacityPoint[];
  plants: PlantCapacityRow[];
  pipeline: { targetYear: number; points: PipelinePoint[]; drops: PipelineDrop[] };
  offtake: OfftakeCoverage & { announced2030Gwh: number };
  /** The change feed as known on the date (the 12 newest). */
  recent: ChangeRow[];
}

/** Quarter starts from 2019 up to the as-of date, and the as-of date itself. */
export function pipelineDates(asOf: string): string[] {
  const dates: string[] = [];
  for (let year = 2019; ; year++) {
    for (const month of ['01', '04', '07', '10']) {
      const d = `${year}-${month}-01`;
      if (d >= asOf) return [...dates, asOf];
      dates.push(d);
    }
  }
}

/** Everything the dashboard shows for Europe or one region, computed in PostgreSQL in parallel. */
export async function getDashboardData(
  params: DashboardParams,
  weights: StatusWeights,
  regionPath?: string,
): Promise<DashboardData> {
  const { asOf, scenario, year } = params;
  const base = { asOf, weights, regionPath, longTerm: params.longTerm === 'include' };
  const fromYear = 2020;
  const toYear = await lastAnnouncedYear();
  const yearOnly = { ...base, scenario, fromYear: year, toYear: year };
  const [headline, series, byCompany, byOrigin, byCountry, plants, pipeline, offtake, recent] = await Promise.all([
    getHeadline(asOf, weights, regionPath),
    getCapacitySeries({ ...base, scenario, fromYear, toYear }, params.group),
    getCapacitySeries(yearOnly, 'company'),
    getCapacitySeries(yearOnly, 'origin'),
    getCapacitySeries(yearOnly, 'country'),
    listPlantCapacities({ ...base, scenario }, year),
    getPipelineHistory({ dates: pipelineDates(asOf), targetYear: TARGET_YEAR, regionPath }),
    getOfftakeCoverage(TARGET_YEAR, asOf, regionPath),
    listChanges({ regionPath, companies: [], kinds: [], until: asOf }, { after: null, limit: 12 }).then((r) => r.rows),
  ]);
  return {
    fromYear,
    toYear,
    headline,
    series,
    byCompany: byCompany.sort((a, b) => b.gwh - a.gwh),
    byOrigin: byOrigin.sort((a, b) => b.gwh - a.gwh),
    byCountry,
    plants,
    pipeline: { targetYear: TARGET_YEAR, ...pipeline },
    offtake: { ...offtake, announced2030Gwh: headline.announced2030.gwh },
    recent,
  };
}

/** The chart runs to 2030, or further when plants have announced figures beyond it (max 2040). */
async function lastAnnouncedYear(): Promise<number> {
  const [row] = await db().$queryRaw<{ y: number | null }[]>`
    SELECT MAX(target_year) AS y FROM capacity_announcement WHERE deleted_at IS NULL AND scope = 'milestone'`;
  return Math.min(2040, Math.max(TARGET_YEAR, row?.y ?? TARGET_YEAR));
}
