import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { plantsCsv } from '@/lib/api/csv-columns';
import { requireKnownSlugs } from '@/lib/api/known-slugs';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { listPlantsAfter } from '@/lib/db/list-plants-after';
import { parsePlantsQuery, PlantCursorSchema } from '@/lib/validation/api/plants';
import { explorerYears } from '@/lib/validation/plant-filters';

export const dynamic = 'force-dynamic';

/** The explorer's filtered, sorted plant list, a page at a time. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, today }) => {
    const { filters, limit, cursor } = parsePlantsQuery(url.searchParams, today);
    const sort = `${filters.sort}:${filters.dir}`;
    const after = decodeCursor(cursor, PlantCursorSchema, sort);
    await requireKnownSlugs({ region: { kind: 'region', slugs: filters.region }, company: { kind: 'company', slugs: filters.company } });
    const { rows, total } = await listPlantsAfter(filters, { after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page.at(-1)! : null;
    const nextCursor = last
      ? encodeCursor({
        s: sort, id: last.id, name: last.name, countryName: last.countryName, operatorName: last.operatorName,
        status: last.status, nowGwh: last.nowGwh, yearGwh: last.yearGwh, startYear: last.startYear,
      })
      : null;
    const years = explorerYears(filters);
    return jsonReply(
      { data: page, meta: { total, limit, nextCursor, years: { now: years.now, year: years.y, y2030: years.y2030 }, asOf: filters.asOf, scenario: filters.scenario } },
      { nextCursor, csv: () => plantsCsv(page, years) },
    );
  },
});
