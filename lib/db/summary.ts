import 'server-only';
import { DEFAULT_WEIGHTS, type StatusWeights } from '../domain/capacity';
import { PLANT_STATUSES, type PlantStatus } from '../domain/plant-status';
import { getCapacityTotal } from './capacity-series';
import { plantStatusCte } from './capacity-sql';
import { db } from './client';

export interface EuropeSummary {
  asOf: string;
  asOfYear: number;
  operationalNowGwh: number;
  announced2030Gwh: number;
  riskWeighted2030Gwh: number;
  plantsByStatus: Record<PlantStatus, number>;
  plantCount: number;
  countryCount: number;
}

/** Headline figures for Europe as they stood on `asOf`. */
export async function getEuropeSummary(asOf: string, weights: StatusWeights = DEFAULT_WEIGHTS): Promise<EuropeSummary> {
  const asOfYear = Number(asOf.slice(0, 4));
  const base = { asOf, weights };
  const [operationalNowGwh, announced2030Gwh, riskWeighted2030Gwh, statusRows] = await Promise.all([
    getCapacityTotal({ ...base, scenario: 'operational' }, asOfYear),
    getCapacityTotal({ ...base, scenario: 'announced' }, 2030),
    getCapacityTotal({ ...base, scenario: 'risk_weighted' }, 2030),
    db().$queryRaw<{ status: PlantStatus; plants: number; countries: number }[]>`
      WITH ${plantStatusCte(asOf)}
      SELECT st.status::text AS status, COUNT(*)::int AS plants,
             COUNT(DISTINCT p.country_id)::int AS countries
      FROM st JOIN plant p ON p.id = st.plant_id AND p.deleted_at IS NULL
      GROUP BY ROLLUP (st.status)`,
  ]);
  const plantsByStatus = Object.fromEntries(PLANT_STATUSES.map((s) => [s, 0])) as Record<PlantStatus, number>;
  let plantCount = 0;
  let countryCount = 0;
  for (const row of statusRows) {
    if (row.status === null) {
      plantCount = row.plants;
      countryCount = row.countries;
    } else {
      plantsByStatus[row.status] = row.plants;
    }
  }
  return { asOf, asOfYear, operationalNowGwh, announced2030Gwh, riskWeighted2030Gwh, plantsByStatus, plantCount, countryCount };
}
