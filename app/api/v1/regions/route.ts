import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { regionsCsv } from '@/lib/api/csv-columns';
import { pageAfter } from '@/lib/api/paginate';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { listRegionsWithPlants } from '@/lib/db/regions';
import { NameCursorSchema, regionsQueryShape } from '@/lib/validation/api/directory';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

const SORT = 'path';

/** Regions holding plants, in tree order (by path), a page at a time. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url }) => {
    const q = parseApiQuery(url.searchParams, regionsQueryShape);
    const after = decodeCursor(q.cursor, NameCursorSchema, SORT);
    const regions = (await listRegionsWithPlants()).filter((r) => q.level.length === 0 || q.level.includes(r.level));
    const page = pageAfter(regions, (r) => ({ key: r.path, id: r.slug }), after, q.limit);
    const nextCursor = page.last ? encodeCursor({ s: SORT, ...page.last }) : null;
    return jsonReply({ data: page.rows, meta: { total: page.total, limit: q.limit, nextCursor } }, { nextCursor, csv: () => regionsCsv(page.rows) });
  },
});
