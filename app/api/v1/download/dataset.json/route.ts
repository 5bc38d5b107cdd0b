import { datasetJson } from '@/lib/api/dataset';
import { originOf } from '@/lib/api/http';
import { apiRoute } from '@/lib/api/route';
import { readOpenDataset } from '@/lib/db/api/read-open-dataset';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

/** The whole dataset as of now, as one JSON document. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ request, url, today }) => {
    parseApiQuery(url.searchParams, {});
    const json = datasetJson(await readOpenDataset(), { date: today, citationUrl: `${originOf(request)}/data` });
    return { type: 'file', body: json, contentType: 'application/json; charset=utf-8', filename: `voltrack-dataset-${today}.json` };
  },
});
