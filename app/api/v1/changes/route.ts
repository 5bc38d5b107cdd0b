import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { changesCsv } from '@/lib/api/csv-columns';
import { documented } from '@/lib/api/documented';
import { resolveChangeFilters } from '@/lib/api/change-filters';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { listChanges } from '@/lib/db/list-changes';
import { ChangeCursorSchema, ChangeSchema, parseChangesQuery } from '@/lib/validation/api/changes';

export const dynamic = 'force-dynamic';

const SORT = 'date:desc';

/** What changed, newest first, with sources: new plants, status changes, capacity announcements, contracts. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url }) => {
    const q = parseChangesQuery(url.searchParams);
    const after = decodeCursor(q.cursor, ChangeCursorSchema, SORT);
    const { filters } = await resolveChangeFilters(q);
    const { rows, total } = await listChanges(filters, { after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = rows.length > q.limit ? page.at(-1)! : null;
    const nextCursor = last ? encodeCursor({ s: SORT, ...last.keyset }) : null;
    const data = page.map((change) => documented(ChangeSchema, change));
    return jsonReply({ data, meta: { total, limit: q.limit, nextCursor } }, { nextCursor, csv: () => changesCsv(page) });
  },
});
