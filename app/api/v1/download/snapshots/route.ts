import { originOf } from '@/lib/api/http';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { listDatasetSnapshots } from '@/lib/db/api/list-dataset-snapshots';
import { detailQueryShape } from '@/lib/validation/api/directory';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

/** The dated snapshots, newest first, with their files' addresses and checksums. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ request, url }) => {
    parseApiQuery(url.searchParams, detailQueryShape);
    const base = `${originOf(request)}/api/v1/download/snapshots`;
    const data = (await listDatasetSnapshots()).map((s) => ({ ...s, zipUrl: `${base}/${s.date}.zip`, jsonUrl: `${base}/${s.date}.json` }));
    return jsonReply({ data });
  },
});
