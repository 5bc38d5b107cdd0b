import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { contractsCsv } from '@/lib/api/csv-columns';
import { requireKnownSlugs } from '@/lib/api/known-slugs';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { listContractsAfter } from '@/lib/db/list-contracts-after';
import { ContractCursorSchema, parseContractsQuery } from '@/lib/validation/api/directory';

export const dynamic = 'force-dynamic';

const SORT = 'signed';

/** Offtake and supply contracts, newest signature first, with the contracts page's filters. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url }) => {
    const q = parseContractsQuery(url.searchParams);
    const after = decodeCursor(q.cursor, ContractCursorSchema, SORT);
    await requireKnownSlugs({
      supplier: { kind: 'company', slugs: q.supplier }, buyer: { kind: 'company', slugs: q.buyer }, plant: { kind: 'plant', slugs: q.plant },
    });
    const filters = { supplier: q.supplier, buyer: q.buyer, plant: q.plant, status: q.status, kind: q.kind, year: q.year ?? null, page: 1 };
    const { rows, total } = await listContractsAfter(filters, { after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = rows.length > q.limit ? page.at(-1)! : null;
    const nextCursor = last ? encodeCursor({ s: SORT, signedOn: last.signedOn, ref: last.ref }) : null;
    return jsonReply({ data: page, meta: { total, limit: q.limit, nextCursor } }, { nextCursor, csv: () => contractsCsv(page) });
  },
});
