import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { documented } from '@/lib/api/documented';
import { updateApiPlant } from '@/lib/api/update-api-plant';
import { jsonReply } from '@/lib/api/with-api';
import { requireApiWriter } from '@/lib/db/api/create-api-announcement';
import { getPlant } from '@/lib/db/get-plant';
import { AppError } from '@/lib/errors';
import { detailQueryShape } from '@/lib/validation/api/directory';
import { PlantDetailSchema } from '@/lib/validation/api/plants';
import { parseApiQuery } from '@/lib/validation/api/query';
import { PlantUpdateBodySchema, UpdatedPlantDataSchema } from '@/lib/validation/api/writes';
import { SlugSchema } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

/** GET: one plant with its full dated history and sources. PATCH: edit its fields, as the API key's editor. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, params }) => {
    parseApiQuery(url.searchParams, detailQueryShape);
    const slug = SlugSchema.safeParse(params.slug);
    const plant = slug.success ? await getPlant(slug.data) : null;
    if (!plant) throw new AppError('not_found', 'No plant has this slug; GET /api/v1/plants lists them.');
    return jsonReply({ data: documented(PlantDetailSchema, plant) });
  },
  PATCH: async ({ request, url, params, caller }) => {
    requireApiWriter(caller.apiKey);
    parseApiQuery(url.searchParams, {});
    const slug = SlugSchema.safeParse(params.slug);
    if (!slug.success) throw new AppError('not_found', 'No plant has this slug.');
    const body = await readJsonBody(request, PlantUpdateBodySchema);
    const updated = await updateApiPlant(caller.apiKey, slug.data, body);
    return jsonReply({ data: documented(UpdatedPlantDataSchema, updated) }, { cache: 'none' });
  },
});
