// npm run bench:pages -- [baseUrl] [path ...]
// Against a running production server: server time (median and p95 of 20 sequential requests
// after 3 warm-ups), HTML bytes, RSC payload bytes (client navigation), and first-load JS:
// every script the HTML loads (except legacy noModule polyfills), fetched and gzipped. Prints a Markdown table.
import { gzipSync } from 'node:zlib';

const RUNS = 20;

/** First-load JS of a page, gzip bytes: every script its HTML loads, except noModule polyfills. */
export async function firstLoadJs(base: string, path: string): Promise<{ bytes: number; scripts: number; htmlBytes: number }> {
  const html = (await timeRequest(new URL(path, base).toString())).body;
  const scripts = [...html.toString('utf8').matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]!))
    .flatMap((m) => /src="([^"]+)"/.exec(m[1]!)?.[1] ?? []);
  let bytes = 0;
  for (const src of new Set(scripts)) bytes += gzipSync((await timeRequest(new URL(src, base).toString())).body).length;
  return { bytes, scripts: new Set(scripts).size, htmlBytes: html.length };
}

async function timeRequest(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms: performance.now() - started, body };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function main(base: string, paths: string[]) {
console.log(`| page | median ms | p95 ms | HTML KB (gzip) | RSC KB (gzip) | first-load JS KB (gzip) | scripts |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const path of paths) {
  const url = new URL(path, base).toString();
  for (let i = 0; i < 3; i++) await timeRequest(url);
  const times: number[] = [];
  let html = Buffer.alloc(0);
  for (let i = 0; i < RUNS; i++) {
    const r = await timeRequest(url);
    times.push(r.ms);
    html = r.body;
  }
  const rsc = (await timeRequest(url, { RSC: '1' })).body;
  // Modern browsers skip noModule scripts (the legacy polyfills), so they are not counted.
  const scripts = [...html.toString('utf8').matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]!))
    .flatMap((m) => /src="([^"]+)"/.exec(m[1]!)?.[1] ?? []);
  let js = 0;
  for (const src of new Set(scripts)) js += gzipSync((await timeRequest(new URL(src, base).toString())).body).length;
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`| ${path} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | ${kb(html.length)} (${kb(gzipSync(html).length)}) | ${kb(rsc.length)} (${kb(gzipSync(rsc).length)}) | ${kb(js)} | ${new Set(scripts).size} |`);
}
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [base = 'http://127.0.0.1:3000', ...given] = process.argv.slice(2);
  await main(base, given.length ? given : ['/', '/regions/hauts-de-france']);
}
