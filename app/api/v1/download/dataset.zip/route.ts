import { datasetEtag, datasetZipChunks } from '@/lib/api/dataset';
import { originOf } from '@/lib/api/http';
import { apiRoute } from '@/lib/api/route';
import { streamOpenDataset } from '@/lib/db/api/stream-open-dataset';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

/** The whole dataset as of now: CSV per table, data dictionary, licence, JSON; streamed. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ request, url, today }) => {
    parseApiQuery(url.searchParams, {});
    const info = { date: today, citationUrl: `${originOf(request)}/data` };
    const { version, body } = await streamOpenDataset((source) => datasetZipChunks(source, info));
    return {
      type: 'stream', body, etag: datasetEtag('zip', info, version),
      contentType: 'application/zip', filename: `voltrack-dataset-${today}.zip`,
    };
  },
});
