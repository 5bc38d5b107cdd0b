import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { getRegion, listRegionClaims } from '@/lib/db/regions';
import { AppError } from '@/lib/errors';
import { detailQueryShape } from '@/lib/validation/api/directory';
import { parseApiQuery } from '@/lib/validation/api/query';
import { SlugSchema } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

/** One region: its place in the tree, sub-regions with plants, and claims quoted for it. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, params }) => {
    parseApiQuery(url.searchParams, detailQueryShape);
    const slug = SlugSchema.safeParse(params.slug);
    const region = slug.success ? await getRegion(slug.data) : null;
    if (!region) throw new AppError('not_found', 'No region has this slug; GET /api/v1/regions lists them.');
    return jsonReply({ data: { ...region, claims: await listRegionClaims(region.id) } });
  },
});
