// The OpenAPI 3.1 document, generated from the endpoint list and the zod schemas the handlers
// validate with (z.toJSONSchema: JSON Schema 2020-12, OpenAPI 3.1's own dialect). Not hand-written,
// so it cannot drift from what the API accepts and answers.
import { z } from 'zod';
import { readEnv } from '../env';
import { apiSchemas, ErrorSchema } from '../validation/api/common';
import type { QueryShape } from '../validation/api/query';
import { ENDPOINTS, type Endpoint, type MediaKind } from './endpoints';

type Json = Record<string, unknown>;

const MEDIA: Record<Exclude<MediaKind, 'json'>, { type: string; schema: Json }> = {
  csv: { type: 'text/csv', schema: { type: 'string', description: 'RFC 4180 CSV, UTF-8, one header row; the same rows as the JSON `data`.' } },
  atom: { type: 'application/atom+xml', schema: { type: 'string', description: 'Atom 1.0 (RFC 4287).' } },
  zip: { type: 'application/zip', schema: { type: 'string', contentMediaType: 'application/zip', contentEncoding: 'binary' } },
};

/** A JSON Schema without the keys that only make sense at a document's root. */
function bare(schema: Json): Json {
  return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema' && k !== '$id'));
}

const idOf = (schema: z.ZodType) => apiSchemas.get(schema)?.id;
const ref = (schema: z.ZodType): Json => {
  const id = idOf(schema);
  if (!id) throw new Error('openapi: response and body schemas must be registered with named()');
  return { $ref: `#/components/schemas/${id}` };
};

export function queryParameters(shape: QueryShape): Json[] {
  return Object.entries(shape).map(([name, p]) => {
    const one = bare(z.toJSONSchema(p.kind === 'single' ? p.schema : p.item, { io: 'input', unrepresentable: 'any' }) as Json);
    const schema = p.kind === 'single' ? one : { type: 'array', items: one, maxItems: p.max };
    return {
      name, in: 'query', required: false, description: p.description, schema,
      ...(p.kind === 'list' ? { style: 'form', explode: true } : {}),
      ...(p.example !== undefined ? { example: p.kind === 'list' ? [p.example] : p.example } : {}),
    };
  });
}

const headers = {
  ETag: { description: 'SHA-256 of the body; send it back in If-None-Match to get a 304 when nothing changed.', schema: { type: 'string' } },
  'Cache-Control': { description: 'public, max-age=60 (snapshots: a year, immutable).', schema: { type: 'string' } },
  'RateLimit-Limit': { description: 'Requests allowed per window.', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in this window.', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
};

function operation(e: Endpoint, today: string): Json {
  const error = (description: string, extra: Json = {}) => ({ description, content: { 'application/json': { schema: ref(ErrorSchema) } }, ...extra });
  const content: Json = {};
  for (const m of e.media) {
    if (m === 'json') content['application/json'] = { schema: e.response ? ref(e.response) : { type: 'object' } };
    else content[MEDIA[m].type] = { schema: MEDIA[m].schema };
  }
  const responses: Json = {
    [String(e.status ?? 200)]: {
      description: e.summary,
      headers: e.write ? {} : { ...headers, ...(e.paginated ? { Link: { description: '`<…cursor=…>; rel="next"` when there is a next page.', schema: { type: 'string' } } } : {}) },
      content,
    },
    ...(e.write ? {} : { 304: { description: 'Not modified: the If-None-Match ETag is current.' } }),
    400: error('A parameter or body field is invalid; `issues` names each one and why.'),
    ...(e.pathParams || e.write ? { 404: error('No such record.') } : {}),
    ...(e.write ? {
      401: error('Missing, unknown or revoked API key.'),
      403: error('The key lacks the write scope, or its owner is not an editor.'),
      409: error('The data changed in a way that conflicts with this write.'),
    } : {}),
    405: error('Method not allowed; the Allow header lists the methods this address accepts.'),
    429: error('Too many requests; retry after Retry-After seconds.', { headers: { 'Retry-After': { schema: { type: 'integer' } } } }),
  };
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: e.summary,
    description: e.description,
    parameters: [
      ...(e.pathParams ?? []).map((p) => ({ name: p.name, in: 'path', required: true, description: p.description, schema: { type: 'string' }, example: p.example })),
      ...queryParameters(e.query(today)),
      ...(e.write ? [] : [{ name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier answer.', schema: { type: 'string' } }]),
    ],
    ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(e.body) } } } } : {}),
    ...(e.write ? { security: [{ apiKey: [] }] } : {}),
    responses,
  };
}

export function buildOpenApiDocument(origin: string, today: string): Json {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e, today);
  const generated = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as { schemas: Record<string, Json> };
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, s]) => [id, bare(s)]));
  const env = readEnv();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Voltrack API',
      version: '1.0.0',
      summary: 'Europe’s battery-cell gigafactories: plants, capacity, contracts, sources.',
      description: [
        'Free, open, read-only without a key. JSON by default; `format=csv` or `Accept: text/csv` for CSV on list endpoints.',
        `Lists are paged with an opaque cursor (\`meta.nextCursor\`, or the \`Link: rel="next"\` header). At most ${env.API_RATE_LIMIT} requests per ${env.API_RATE_LIMIT_WINDOW_SECONDS} s per client (address, or API key when one is sent).`,
        'Every error has the shape `{ "error": { "code", "message", "issues": [{ "path", "message" }] } }`.',
        'Data licence: CC BY 4.0. Human-readable documentation with examples: /api.',
      ].join('\n\n'),
      license: { name: 'CC BY 4.0 (data)', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    servers: [{ url: `${origin}/api/v1` }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from the admin area (Admin → API keys), sent as `Authorization: Bearer vtk_…`. Reads need none; a key gives its own rate-limit bucket; writes need the write scope.' },
      },
    },
  };
}
