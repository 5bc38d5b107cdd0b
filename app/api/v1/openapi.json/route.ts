import { originOf } from '@/lib/api/http';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { apiRoute } from '@/lib/api/route';
import { jsonReply } from '@/lib/api/with-api';
import { parseApiQuery } from '@/lib/validation/api/query';

export const dynamic = 'force-dynamic';

/** The OpenAPI 3.1 document, generated from the handlers' own schemas. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ request, url, today }) => {
    parseApiQuery(url.searchParams, {});
    return jsonReply(buildOpenApiDocument(originOf(request), today));
  },
});
