// API latency, in-process: calls the route handlers directly (no HTTP server, no Next.js) with
// real Requests against DATABASE_URL, so the numbers are handler + database time — what the API
// adds on top of any web server. Rate limiting stays on (one upsert per request, as in production).
//   DATABASE_URL=postgresql://… node --conditions=react-server --import tsx scripts/bench/api-latency.ts [--runs 50]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { ApiRoute } from '../../lib/api/route';
import { disconnectDb } from '../../lib/db/client';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, warmup: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const warmup = Number(values.warmup);
if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL');
process.env.API_RATE_LIMIT = '1000000';

const capacity = await import('../../app/api/v1/capacity/route') as ApiRoute;
const plants = await import('../../app/api/v1/plants/route') as ApiRoute;

async function time(route: ApiRoute, path: string, query: string): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const r = await route.GET(new Request(`http://bench.local/api/v1/${path}?${query}`, { headers: { 'x-forwarded-for': '192.0.2.1' } }), { params: Promise.resolve({}) });
  const body = await r.arrayBuffer();
  return { ms: performance.now() - start, status: r.status, bytes: body.byteLength };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function scenario(label: string, route: ApiRoute, path: string, query: string | (() => Promise<string>)) {
  const q = typeof query === 'string' ? query : await query();
  for (let i = 0; i < warmup; i++) await time(route, path, q);
  const samples: number[] = [];
  let last = { status: 0, bytes: 0 };
  for (let i = 0; i < runs; i++) {
    const s = await time(route, path, q);
    if (s.status !== 200) throw new Error(`${label}: status ${s.status}`);
    samples.push(s.ms);
    last = s;
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} p50 ${pct(samples, 50).toFixed(1).padStart(7)} ms   p95 ${pct(samples, 95).toFixed(1).padStart(7)} ms   ${(last.bytes / 1024).toFixed(1)} KB`);
}

const secondPage = async () => {
  const r = await plants.GET(new Request('http://bench.local/api/v1/plants?limit=20&sort=now'), { params: Promise.resolve({}) });
  const { meta } = await r.json() as { meta: { nextCursor: string } };
  return `limit=20&sort=now&cursor=${meta.nextCursor}`;
};

console.log(`${runs} runs after ${warmup} warm-up, sequential, in-process handlers`);
await scenario('capacity: Europe, total, 2020–2030 (defaults)', capacity, 'capacity', '');
await scenario('capacity: group=country, risk_weighted', capacity, 'capacity', 'group=country&scenario=risk_weighted');
await scenario('capacity: region=hauts-de-france, group=company', capacity, 'capacity', 'region=hauts-de-france&group=company');
await scenario('capacity: asOf=2024-01-01, group=company, 2020–2040', capacity, 'capacity', 'asOf=2024-01-01&group=company&toYear=2040');
await scenario('plants: first page, limit=100 (defaults: name A→Z)', plants, 'plants', 'limit=100');
await scenario('plants: sort=now, second page of 20 by cursor', plants, 'plants', secondPage);
await scenario('plants: country=DE&status=operational', plants, 'plants', 'country=DE&status=operational');
await scenario('plants: q=Volt (text search), limit=100', plants, 'plants', 'q=Volt&limit=100');
await scenario('plants: format=csv, limit=500', plants, 'plants', 'format=csv&limit=500');
await disconnectDb();
