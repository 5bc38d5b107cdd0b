import { capacityCsv } from '@/lib/api/csv-columns';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { getCapacitySeries } from '@/lib/db/capacity-series';
import { getRegion } from '@/lib/db/regions';
import { parseCapacityQuery } from '@/lib/validation/api/capacity';
import { invalidQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

/** Capacity per group and year: the dashboard's series (lib/db/capacity-series.ts) for any parameters. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, today }) => {
    const q = parseCapacityQuery(url.searchParams, today);
    const region = q.region ? await getRegion(q.region) : null;
    if (q.region && !region) throw invalidQuery([{ path: 'region', message: `no region has the slug “${q.region}”` }]);
    const data = await getCapacitySeries(
      {
        scenario: q.scenario, asOf: q.asOf, fromYear: q.fromYear, toYear: q.toYear, weights: q.weights, regionPath: region?.path,
        longTerm: q.longTerm === 'include',
      },
      q.group,
    );
    const meta = {
      unit: 'GWh/yr', group: q.group, scenario: q.scenario, asOf: q.asOf, longTerm: q.longTerm, fromYear: q.fromYear, toYear: q.toYear, weights: q.weights,
      region: region ? { slug: region.slug, name: region.name, level: region.level } : null,
    };
    return jsonReply({ data, meta }, { csv: () => capacityCsv(data) });
  },
});
