import { z } from 'zod';
import type { Endpoint } from '@/lib/api/endpoints';
import { queryParameters } from '@/lib/api/openapi';
import styles from './api-docs.module.css';

type Schema = { type?: string | string[]; enum?: unknown[]; default?: unknown; items?: Schema; minimum?: number; maximum?: number; format?: string };

/** "one of a, b, c; default x" from a parameter's JSON Schema. */
function values(schema: Schema): string {
  const s = schema.type === 'array' && schema.items ? schema.items : schema;
  const parts: string[] = [];
  if (s.enum) parts.push(`one of ${s.enum.join(', ')}`);
  else if (s.format === 'date') parts.push('YYYY-MM-DD');
  else if (s.type === 'integer' || s.type === 'number') {
    const safe = (n: number | undefined) => (n !== undefined && Math.abs(n) < 1e15 ? n : undefined);
    const [min, max] = [safe(s.minimum), safe(s.maximum)];
    parts.push(min !== undefined && max !== undefined ? `${s.type === 'integer' ? 'whole number' : 'number'} ${min}–${max}` : String(s.type));
  }
  if (s.default !== undefined && s.default !== '') parts.push(`default ${String(s.default)}`);
  return parts.join('; ');
}

type Described = Schema & { description?: string; anyOf?: Described[]; properties?: Record<string, Described>; required?: string[] };

/** The JSON body's fields, from the same schema the handler validates with. */
function BodyFields({ schema }: { schema: z.ZodType }) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Described;
  const required = new Set(json.required ?? []);
  const describe = (f: Described): string => {
    const variants = f.anyOf?.filter((v) => v.type !== 'null');
    if (variants && variants.length > 1) return variants.map((v) => `{ ${Object.keys(v.properties ?? {}).join(', ')} }`).join(' or ');
    const one = variants?.[0] ?? f;
    return [values(one) || String(one.type ?? ''), f.anyOf?.some((v) => v.type === 'null') ? 'or null' : ''].filter(Boolean).join(' ');
  };
  return (
    <div className="table-wrap">
      <table className={styles.params}>
        <caption>JSON body</caption>
        <thead><tr><th scope="col">Field</th><th scope="col">Values</th></tr></thead>
        <tbody>
          {Object.entries(json.properties ?? {}).map(([name, f]) => (
            <tr key={name}>
              <td>{name}{required.has(name) ? ' (required)' : ''}</td>
              <td>{f.description ? <><WithCode text={f.description} /><br /></> : null}<span className={styles.values}>{describe(f)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Text with `backtick` spans (the OpenAPI descriptions' Markdown) as <code>. */
export function WithCode({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

/** One endpoint: method and path, what it does, a curl line, and its parameters. */
export function EndpointDoc({ endpoint: e, origin, today }: { endpoint: Endpoint; origin: string; today: string }) {
  const params = queryParameters(e.query(today)) as { name: string; description: string; schema: Schema }[];
  const url = `${origin}/api/v1${e.example}`;
  const curl = e.write && e.method === 'PATCH'
    ? `curl -s -X PATCH '${url}' \\\n  -H 'Authorization: Bearer vtk_…' -H 'Content-Type: application/json' \\\n  -d '{"version": 3, "city": "Bourbourg"}'`
    : e.write
    ? `curl -s -X POST '${url}' \\\n  -H 'Authorization: Bearer vtk_…' -H 'Content-Type: application/json' \\\n  -d '{"targetYear": 2030, "gwhPerYear": 16, "announcedOn": "${today}", "confidence": "high",\n       "source": {"url": "https://example.org/news", "publisher": "Example News", "title": "Plant scales back"}}'`
    : e.media.includes('zip') ? `curl -sO '${url}'` : `curl -s '${url}'`;
  return (
    <section className={styles.endpoint} id={e.operationId} aria-labelledby={`${e.operationId}-h`}>
      <h3 id={`${e.operationId}-h`}>
        <span className={`${styles.method} ${e.method === 'POST' || e.method === 'PATCH' ? styles.post : ''}`}>{e.method}</span>/api/v1{e.path}
      </h3>
      <p><WithCode text={e.description} /></p>
      <pre className={styles.code}><code>{curl}</code></pre>
      {e.media.includes('csv') ? <p className={styles.values}>Also as CSV: add <code>format=csv</code> or send <code>Accept: text/csv</code>.</p> : null}
      {e.body ? <BodyFields schema={e.body} /> : null}
      {params.length > 0 ? (
        <div className="table-wrap">
          <table className={styles.params}>
            <caption>Query parameters of {e.path}</caption>
            <thead><tr><th scope="col">Parameter</th><th scope="col">Meaning</th></tr></thead>
            <tbody>
              {params.map((p) => (
                <tr key={p.name}>
                  <td>{p.name}</td>
                  <td><WithCode text={p.description} />{values(p.schema) ? <><br /><span className={styles.values}>{values(p.schema)}</span></> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
