import type { Metadata } from 'next';
import Link from 'next/link';
import { ENDPOINTS } from '@/lib/api/endpoints';
import { MAX_BODY_BYTES } from '@/lib/api/body';
import { readEnv } from '@/lib/env';
import { requestOrigin } from '@/lib/request-origin';
import { todayIso } from '@/lib/validation/capacity';
import { MAX_PAGE_SIZE } from '@/lib/validation/api/common';
import styles from './api-docs.module.css';
import { EndpointDoc } from './endpoint-doc';

export const metadata: Metadata = { title: 'API', description: 'Voltrack’s free REST API: plants, capacity series, contracts, sources and changes as JSON or CSV.' };
export const dynamic = 'force-dynamic';

const ERROR_EXAMPLE = `{
  "error": {
    "code": "invalid",
    "message": "Invalid query parameter year: a year from 2015 to 2040.",
    "issues": [{ "path": "year", "message": "a year from 2015 to 2040" }]
  }
}`;

export default async function ApiDocsPage() {
  const [origin, env] = [await requestOrigin(), readEnv()];
  const today = todayIso();
  const tags = [...new Set(ENDPOINTS.map((e) => e.tag))];
  return (
    <>
      <h1>API</h1>
      <p className="lede">
        Everything Voltrack shows is available to your own code: plants, capacity series, contracts, sources and what
        changed, as JSON or CSV, free and without a key. The figures are the dashboard’s — computed by the same queries.
        Data licence <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>; whole-dataset downloads are
        on <Link href="/data">Data</Link>.
      </p>
      <div className="prose">
        <pre className={styles.code}><code>{`curl -s '${origin}/api/v1/capacity?region=hauts-de-france&group=company'`}</code></pre>
        <dl>
          <dt>Base address and description</dt>
          <dd><code>{origin}/api/v1</code>. Machine-readable: <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>, generated from the same schemas the API validates with.</dd>
          <dt>Formats</dt>
          <dd>JSON by default. List endpoints also answer CSV (UTF-8, RFC 4180, header row) with <code>format=csv</code> or <code>Accept: text/csv</code>.</dd>
          <dt>Paging</dt>
          <dd>Lists return <code>{'{ data, meta: { total, limit, nextCursor } }'}</code>. Pass <code>meta.nextCursor</code> as <code>cursor</code> (or follow the <code>Link: rel=&quot;next&quot;</code> header) with the other parameters unchanged; <code>limit</code> is at most {MAX_PAGE_SIZE}. Pages never skip or repeat rows when data is added.</dd>
          <dt>Repeatable filters</dt>
          <dd><code>?status=operational&amp;status=under_construction</code> selects either; different parameters combine.</dd>
          <dt>Caching</dt>
          <dd>Answers carry an <code>ETag</code> and <code>Cache-Control: public, max-age=60</code>; send the ETag back in <code>If-None-Match</code> to get an empty <code>304</code> when nothing changed.</dd>
          <dt>Rate limit</dt>
          <dd>{env.API_RATE_LIMIT} requests per {env.API_RATE_LIMIT_WINDOW_SECONDS} seconds per client (your address, or your API key when you send one). Beyond it: <code>429</code> with <code>Retry-After</code>. <code>RateLimit-Remaining</code> tells you how many are left.</dd>
          <dt>Errors</dt>
          <dd>Always JSON of one shape, with the parameter or field at fault and why. Unknown parameters are refused, so typos do not go unnoticed. Status codes: 400 bad input, 401/403 key problems, 404 unknown record, 405 wrong method (see <code>Allow</code>), 409 conflict, 429 too many requests.
            <pre className={styles.code}><code>{ERROR_EXAMPLE}</code></pre></dd>
          <dt>From a browser</dt>
          <dd>Reads are open to any origin (CORS <code>Access-Control-Allow-Origin: *</code>).</dd>
          <dt>Writing</dt>
          <dd>Editors create API keys under Admin → API keys. A key is shown once; send it as <code>Authorization: Bearer vtk_…</code>. Writes follow the admin forms’ rules and appear in the audit log under the key owner’s name. Request bodies are JSON, at most {MAX_BODY_BYTES / 1024} KB.</dd>
          <dt>Change feed</dt>
          <dd>Follow changes in a feed reader: <a href="/feed.xml">/feed.xml</a>, or for one region or company, e.g. <a href="/feed.xml?region=hauts-de-france">/feed.xml?region=hauts-de-france</a>.</dd>
        </dl>
      </div>
      <h2>Endpoints</h2>
      <ul className={styles.toc}>
        {ENDPOINTS.map((e) => <li key={e.operationId}><a href={`#${e.operationId}`}>{e.method} {e.path}</a> — {e.summary}</li>)}
      </ul>
      {tags.map((tag) => (
        <section key={tag} aria-label={tag}>
          <h2>{tag}</h2>
          {ENDPOINTS.filter((e) => e.tag === tag).map((e) => <EndpointDoc key={e.operationId} endpoint={e} origin={origin} today={today} />)}
        </section>
      ))}
    </>
  );
}
