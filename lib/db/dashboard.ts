import 'server-only';
import type { StatusWeights } from '../domain/capacity';
import type { DashboardParams } from '../validation/dashboard';
import { type CapacityPoint, getCapacitySeries, getCapacityTotal } from './capacity-series';
import { db } from './client';
import { getOfftakeCoverage, type OfftakeCoverage } from './offtake-coverage';
import { getPipelineHistory, type PipelineDrop, type PipelinePoint } from './pipeline-history';
import { listPlantCapacities, type PlantCapacityRow } from './plant-capacities';
import { listRecentChanges, type RecentChange } from './recent-changes';

export interface DashboardData {
  fromYear: number;
  toYear: number;
  headline: {
    operationalNowGwh: number;
    announced2030Gwh: number;
    riskWeighted2030Gwh: number;
    plantsByStatus: Record<string, number>;
  };
  /** The main chart: capacity per group and year under the chosen scenario. */
  series: CapacityPoint[];
  /** Capacity in the chosen year: per company, per ownership origin, per country (map). */
  byCompany: CapacityPoint[];
  byOrigin: CapacityPoint[];
  byCountry: CapacityPoint[];
  plants: PlantCapacityRow[];
  pipeline: { targetYear: number; points: PipelinePoint[]; drops: PipelineDrop[] };
  offtake: OfftakeCoverage & { announced2030Gwh: number };
  recent: RecentChange[];
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
  const asOfYear = Number(asOf.slice(0, 4));
  const base = { asOf, weights, regionPath };
  const fromYear = 2020;
  const toYear = await lastAnnouncedYear();
  const yearOnly = { ...base, scenario, fromYear: year, toYear: year };
  const [operationalNowGwh, announced2030Gwh, riskWeighted2030Gwh, series, byCompany, byOrigin, byCountry, plants, pipeline, offtake, recent] =
    await Promise.all([
      getCapacityTotal({ ...base, scenario: 'operational' }, asOfYear),
      getCapacityTotal({ ...base, scenario: 'announced' }, 2030),
      getCapacityTotal({ ...base, scenario: 'risk_weighted' }, 2030),
      getCapacitySeries({ ...base, scenario, fromYear, toYear }, params.group),
      getCapacitySeries(yearOnly, 'company'),
      getCapacitySeries(yearOnly, 'origin'),
      getCapacitySeries(yearOnly, 'country'),
      listPlantCapacities({ ...base, scenario }, year),
      getPipelineHistory({ dates: pipelineDates(asOf), targetYear: 2030, regionPath }),
      getOfftakeCoverage(2030, regionPath),
      listRecentChanges({ asOf, limit: 12, regionPath }),
    ]);
  const plantsByStatus: Record<string, number> = {};
  for (const p of plants) plantsByStatus[p.status] = (plantsByStatus[p.status] ?? 0) + 1;
  return {
    fromYear,
    toYear,
    headline: { operationalNowGwh, announced2030Gwh, riskWeighted2030Gwh, plantsByStatus },
    series,
    byCompany: byCompany.sort((a, b) => b.gwh - a.gwh),
    byOrigin: byOrigin.sort((a, b) => b.gwh - a.gwh),
    byCountry,
    plants,
    pipeline: { targetYear: 2030, ...pipeline },
    offtake: { ...offtake, announced2030Gwh },
    recent,
  };
}

/** The chart runs to 2030, or further when plants have announced figures beyond it (max 2040). */
async function lastAnnouncedYear(): Promise<number> {
  const [row] = await db().$queryRaw<{ y: number | null }[]>`
    SELECT MAX(target_year) AS y FROM capacity_announcement WHERE deleted_at IS NULL AND scope = 'milestone'`;
  return Math.min(2040, Math.max(2030, row?.y ?? 2030));
}
