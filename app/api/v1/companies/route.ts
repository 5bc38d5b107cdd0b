import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { companiesCsv } from '@/lib/api/csv-columns';
import { pageAfter } from '@/lib/api/paginate';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { listCompanies } from '@/lib/db/list-companies';
import { listQueryShape, NameCursorSchema } from '@/lib/validation/api/directory';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

const SORT = 'name';

/** Every company, A–Z (code-point order), a page at a time. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url }) => {
    const q = parseApiQuery(url.searchParams, listQueryShape);
    const after = decodeCursor(q.cursor, NameCursorSchema, SORT);
    const page = pageAfter(await listCompanies(), (c) => ({ key: c.name, id: c.slug }), after, q.limit);
    const nextCursor = page.last ? encodeCursor({ s: SORT, ...page.last }) : null;
    return jsonReply({ data: page.rows, meta: { total: page.total, limit: q.limit, nextCursor } }, { nextCursor, csv: () => companiesCsv(page.rows) });
  },
});
