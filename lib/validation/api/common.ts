// Parameters and response parts every API endpoint shares, and the registry the OpenAPI document
// is generated from (lib/api/openapi.ts): a schema registered here becomes a named component.
import { z } from 'zod';
import { single } from './query';

export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** Registers `schema` as components/schemas/<id> and returns it. */
export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  apiSchemas.add(schema, { id, description });
  return schema;
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const formatParam = single(
  z.enum(FORMATS, { error: 'json or csv' }).optional(),
  'Response format. Without it, `Accept: text/csv` selects CSV; otherwise JSON.',
  'csv',
);

export const jsonOnlyFormatParam = single(
  z.enum(['json'], { error: 'this endpoint answers in JSON only' }).optional(),
  'Response format: this endpoint answers in JSON only.',
);

export const pageParams = {
  limit: single(
    z.coerce.number({ error: `a whole number from 1 to ${MAX_PAGE_SIZE}` }).int({ error: `a whole number from 1 to ${MAX_PAGE_SIZE}` })
      .min(1, { error: `a whole number from 1 to ${MAX_PAGE_SIZE}` }).max(MAX_PAGE_SIZE, { error: `at most ${MAX_PAGE_SIZE} per page` })
      .default(DEFAULT_PAGE_SIZE),
    `Rows per page (1–${MAX_PAGE_SIZE}).`,
    '50',
  ),
  cursor: single(
    z.string().max(2000, { error: 'not a cursor from this API' }).regex(/^[A-Za-z0-9_-]+$/, { error: 'not a cursor from this API' }).optional(),
    'Opaque cursor from the previous page’s `meta.nextCursor` (or its `Link: rel="next"` header). Keep the other parameters unchanged.',
  ),
};

export const PageMetaSchema = named('PageMeta', z.object({
  /** Rows in the whole filtered set, across pages. */
  total: z.int().min(0),
  limit: z.int().min(1),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
}), 'Pagination: the size of the whole result, the page size, and the cursor of the next page (null on the last page).');

export const SourceRefSchema = named('SourceRef', z.object({
  url: z.string().nullable(),
  publisher: z.string(),
  title: z.string(),
  publishedOn: z.iso.date().nullable(),
  tier: z.enum(['primary', 'major', 'trade', 'weak']).optional()
    .meta({ description: 'primary (the company, a regulator, government, court, EU decision), major (wire services, national and business press), trade (specialist press), weak (aggregators and copies: never the only basis of a fact).' }),
}), 'A published source: every figure in the tracker cites one.');

export const ErrorSchema = named('Error', z.object({
  error: z.object({
    code: z.enum(['invalid', 'unauthorized', 'forbidden', 'not_found', 'method_not_allowed', 'conflict', 'rate_limited', 'unavailable', 'internal']),
    message: z.string(),
    /** One entry per bad parameter or body field. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    id: z.string().optional(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
}), 'Every error: a code, a message for people, and the parameters or fields at fault.');
