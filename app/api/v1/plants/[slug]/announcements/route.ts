import { readJsonBody } from '@/lib/api/body';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { createApiAnnouncement, requireApiWriter } from '@/lib/db/api/create-api-announcement';
import { AppError } from '@/lib/errors';
import { parseApiQuery } from '@/lib/validation/api/query';
import { AnnouncementBodySchema } from '@/lib/validation/api/writes';
import { SlugSchema } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

/** POST: a new capacity announcement for the plant, as the API key's editor. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  POST: async ({ request, url, params, caller }) => {
    requireApiWriter(caller.apiKey);
    parseApiQuery(url.searchParams, {});
    const slug = SlugSchema.safeParse(params.slug);
    if (!slug.success) throw new AppError('not_found', 'No plant has this slug.');
    const body = await readJsonBody(request, AnnouncementBodySchema);
    const created = await createApiAnnouncement(caller.apiKey, slug.data, body);
    return jsonReply({ data: { ...created, plant: slug.data } }, { status: 201, cache: 'none', headers: { location: `/api/v1/plants/${slug.data}` } });
  },
});
