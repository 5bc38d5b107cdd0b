import { apiRoute } from '@/lib/api/route';
import { documented } from '@/lib/api/documented';
import { jsonReply } from '@/lib/api/with-api';
import { getPlant } from '@/lib/db/get-plant';
import { AppError } from '@/lib/errors';
import { detailQueryShape } from '@/lib/validation/api/directory';
import { PlantDetailSchema } from '@/lib/validation/api/plants';
import { parseApiQuery } from '@/lib/validation/api/query';
import { SlugSchema } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

/** One plant with its full dated history and sources. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, params }) => {
    parseApiQuery(url.searchParams, detailQueryShape);
    const slug = SlugSchema.safeParse(params.slug);
    const plant = slug.success ? await getPlant(slug.data) : null;
    if (!plant) throw new AppError('not_found', 'No plant has this slug; GET /api/v1/plants lists them.');
    return jsonReply({ data: documented(PlantDetailSchema, plant) });
  },
});
