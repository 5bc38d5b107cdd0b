import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { getDatasetFacts } from '@/lib/db/dataset-facts';
import { getEuropeSummary } from '@/lib/db/summary';
import { parseSummaryQuery } from '@/lib/validation/api/capacity';

export const dynamic = 'force-dynamic';

/** Europe's headline figures on a date (the dashboard's), and what the dataset holds. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, today }) => {
    const q = parseSummaryQuery(url.searchParams, today);
    const [summary, dataset] = await Promise.all([getEuropeSummary(q.asOf, q.weights), getDatasetFacts()]);
    return jsonReply({ data: { ...summary, weights: q.weights, dataset } });
  },
});
