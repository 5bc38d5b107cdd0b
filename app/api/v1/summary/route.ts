import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { getDatasetFacts } from '@/lib/db/dataset-facts';
import { getHeadline } from '@/lib/db/headline';
import { parseSummaryQuery } from '@/lib/validation/api/capacity';

export const dynamic = 'force-dynamic';

/** Europe's headline figures on a date (the dashboard's), and what the dataset holds. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, today }) => {
    const q = parseSummaryQuery(url.searchParams, today);
    const [h, dataset] = await Promise.all([getHeadline(q.asOf, q.weights), getDatasetFacts()]);
    return jsonReply({
      data: {
        asOf: h.asOf, asOfYear: h.asOfYear,
        operationalNowGwh: h.operationalNow.gwh, announced2030Gwh: h.announced2030.gwh, riskWeighted2030Gwh: h.riskWeighted2030.gwh,
        undisclosedPlants: {
          operationalNow: h.operationalNow.undisclosedPlants, announced2030: h.announced2030.undisclosedPlants,
          riskWeighted2030: h.riskWeighted2030.undisclosedPlants,
        },
        longTermOnly2030: h.longTermOnly2030, fullBuildOut: h.fullBuildOut,
        plantsByStatus: h.plantsByStatus, plantCount: h.plantCount, countryCount: h.countryCount,
        dataCurrentTo: h.dataCurrentTo, weights: q.weights, dataset,
      },
    });
  },
});
