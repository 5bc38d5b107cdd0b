import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { sourcesCsv } from '@/lib/api/csv-columns';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { listSources } from '@/lib/db/list-sources';
import { listQueryShape, SourceCursorSchema } from '@/lib/validation/api/directory';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

const SORT = 'published:desc';

/** Every source, newest publication first, a page at a time. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url }) => {
    const q = parseApiQuery(url.searchParams, listQueryShape);
    const after = decodeCursor(q.cursor, SourceCursorSchema, SORT);
    const { rows, total } = await listSources({ after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = rows.length > q.limit ? page.at(-1)! : null;
    const nextCursor = last ? encodeCursor({ s: SORT, publishedOn: last.publishedOn, id: last.id }) : null;
    return jsonReply({ data: page, meta: { total, limit: q.limit, nextCursor } }, { nextCursor, csv: () => sourcesCsv(page) });
  },
});
