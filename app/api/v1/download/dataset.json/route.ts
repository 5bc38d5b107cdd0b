import { datasetEtag, datasetJsonChunks } from '@/lib/api/dataset';
import { originOf } from '@/lib/api/http';
import { apiRoute } from '@/lib/api/route';
import { streamOpenDataset } from '@/lib/db/api/stream-open-dataset';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

/** The whole dataset as of now, as one JSON document, streamed. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ request, url, today }) => {
    parseApiQuery(url.searchParams, {});
    const info = { date: today, citationUrl: `${originOf(request)}/data` };
    const { version, body } = await streamOpenDataset((source) => datasetJsonChunks(source, info));
    return {
      type: 'stream', body, etag: datasetEtag('json', info, version),
      contentType: 'application/json; charset=utf-8', filename: `voltrack-dataset-${today}.json`,
    };
  },
});
