import { datasetZip } from '@/lib/api/dataset';
import { originOf } from '@/lib/api/http';
import { apiRoute } from '@/lib/api/route';
import { readOpenDataset } from '@/lib/db/api/read-open-dataset';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

/** The whole dataset as of now: CSV per table, data dictionary, licence, JSON. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ request, url, today }) => {
    parseApiQuery(url.searchParams, {});
    const zip = datasetZip(await readOpenDataset(), { date: today, citationUrl: `${originOf(request)}/data` });
    return { type: 'file', body: zip, contentType: 'application/zip', filename: `voltrack-dataset-${today}.zip` };
  },
});
