import { apiRoute } from '@/lib/api/route';
import { documented } from '@/lib/api/documented';
import { jsonReply } from '@/lib/api/with-api';
import { getCompany } from '@/lib/db/get-company';
import { AppError } from '@/lib/errors';
import { CompanyDetailSchema, companyDetailQueryShape } from '@/lib/validation/api/directory';
import { parseApiQuery } from '@/lib/validation/api/query';
import { SlugSchema } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

/** One company with its group, succession, and plants. */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({
  GET: async ({ url, params, today }) => {
    const q = parseApiQuery(url.searchParams, companyDetailQueryShape(today));
    const slug = SlugSchema.safeParse(params.slug);
    const company = slug.success ? await getCompany(slug.data, q.asOf) : null;
    if (!company) throw new AppError('not_found', 'No company has this slug; GET /api/v1/companies lists them.');
    return jsonReply({ data: documented(CompanyDetailSchema, company) });
  },
});
