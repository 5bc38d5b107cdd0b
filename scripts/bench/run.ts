// npm run bench [-- --quick] [--plants N --announcements N --contracts N] [--no-build] [--url postgres://…]
// Builds the production app (into .next-bench), fills a PostgreSQL database of its own with the
// curated dataset plus a synthetic one, starts the app on it, and drives it with autocannon from
// this (second) process on loopback. Writes bench/report.md and bench/report.json.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { Prisma } from '../../lib/generated/prisma/client';
import { capacitySeriesSql } from '../../lib/db/capacity-series';
import { plantYearsCte } from '../../lib/db/capacity-sql';
import { filteredPlantsSql, orderBySql } from '../../lib/db/plant-filter-sql';
import { parsePlantFilters } from '../../lib/validation/plant-filters';
import { DEFAULT_WEIGHTS } from '../../lib/domain/capacity';
import { prepareDatabase } from '../db/prepare';
import { ROOT } from '../db/schema-engine';
import { generateSynthetic } from '../data/generate-synthetic';
import { adminQuery, databaseUrl } from '../../tests/support/server-admin';
import { benchImport } from './import';
import { firstLoadJs } from './page-weight';
import { serverNodeOptions } from '../server-memory';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    plants: { type: 'string' }, announcements: { type: 'string' }, contracts: { type: 'string' },
    url: { type: 'string' }, connections: { type: 'string', default: '20' }, duration: { type: 'string' },
  },
});
const quick = args.quick!;
const scale = {
  plants: Number(args.plants ?? (quick ? 1000 : 20_000)),
  announcements: Number(args.announcements ?? (quick ? 10_000 : 200_000)),
  contracts: Number(args.contracts ?? (quick ? 1000 : 20_000)),
};
const connections = Number(args.connections);
const duration = Number(args.duration ?? (quick ? 2 : 10));
const port = 3900;
const base = `http://127.0.0.1:${port}`;
const distDir = '.next-bench';
const log = (line: string) => console.log(`[bench] ${line}`);

const TARGETS = [
  { name: 'static reference (/about)', path: '/about', page: true },
  { name: 'dashboard /', path: '/', page: true },
  { name: 'region page', path: '/regions/hauts-de-france', page: true },
  { name: 'explorer, filtered + sorted', path: '/plants?status=operational&status=under_construction&sort=now', page: true },
  { name: 'API capacity', path: '/api/v1/capacity?group=country&scenario=announced', page: false },
  { name: 'API plants', path: '/api/v1/plants?limit=50', page: false },
] as const;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};

/** The server and its descendants (`next start` runs the server in a child process), from /proc. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i] && !tree.includes(child)) tree.push(child);
  }
  return tree;
}

/** Resident memory of these processes, in MB. */
function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

const treeRssMb = (pid: number) => rssMb(processTree(pid));

/**
 * Samples the server's memory every 100 ms. It runs in the load generator's process, so each
 * sample must be cheap (a spawned `ps` blocked autocannon for tens of ms): a few /proc reads, with
 * the process tree looked up again every two seconds.
 */
class RssSampler {
  peak = 0;
  private pids: number[];
  private ticks = 0;
  private timer: NodeJS.Timeout;
  constructor(private pid: number) {
    this.pids = processTree(pid);
    this.timer = setInterval(() => {
      if (++this.ticks % 20 === 0) this.pids = processTree(this.pid);
      this.peak = Math.max(this.peak, rssMb(this.pids));
    }, 100);
  }
  reset() { this.peak = treeRssMb(this.pid); }
  stop() { clearInterval(this.timer); }
}

async function load(url: string, conns: number, seconds: number) {
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: conns, duration: seconds }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status >= 300) non2xx++;
    });
  });
  const ms = (v: number) => Math.round(v * 10) / 10;
  return {
    rps: Math.round((result.requests.total / seconds) * 10) / 10,
    p50: ms(percentile(latencies, 50)), p95: ms(percentile(latencies, 95)), p99: ms(percentile(latencies, 99)),
    requests: result.requests.total, errors: result.errors + non2xx, timeouts: result.timeouts,
  };
}

async function main() {
  const started = Date.now();
  if (!args['no-build']) {
    log('building the production app…');
    const build = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
      cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error('build failed');
  }
  const serverUrl = args.url ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `vt_bench_${quick ? 'quick' : 'full'}`;
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE "${dbName}"`);
  const url = databaseUrl(serverUrl, dbName);
  log(`database ${dbName}: migrating, seeding, generating ${scale.plants} plants / ${scale.announcements} announcements / ${scale.contracts} contracts…`);
  await prepareDatabase(url, () => undefined);
  const genStart = Date.now();
  const counts = await generateSynthetic(url, { ...scale, seed: 1 });
  const client = new pg.Client(url);
  // Dropping the database at the end (or after a failure) ends this connection too.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('ANALYZE');
  const dataset = (await client.query(`SELECT (SELECT count(*)::int FROM plant) AS plants, (SELECT count(*)::int FROM capacity_announcement) AS announcements,
    (SELECT count(*)::int FROM contract) AS contracts, (SELECT count(*)::int FROM plant_status_event) AS status_events, version() AS pg`)).rows[0];
  log(`dataset ready in ${((Date.now() - genStart) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

  const server: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: distDir, DATABASE_POOL_MAX: '10', NODE_ENV: 'production',
      // The server runs with the memory bound `npm start` and the Docker image give it.
      NODE_OPTIONS: serverNodeOptions(),
      // One load generator is one client: without this the API's rate limit would answer 429s.
      API_RATE_LIMIT: '1000000',
    },
  });
  try {
    await waitForHealth();
    const rss = new RssSampler(server.pid!);
    const baselineRss = treeRssMb(server.pid!);
    const results = [];
    for (const target of TARGETS) {
      let bytes = 0;
      for (let i = 0; i < 3; i++) bytes = (await fetch(base + target.path).then((r) => r.arrayBuffer())).byteLength;
      // Page weight first, on an idle server; then the load.
      const js = target.page ? await firstLoadJs(base, target.path).catch(() => null) : null;
      rss.reset();
      const r = await load(base + target.path, connections, duration);
      // Let requests still queued in the server drain before the next target.
      await waitForHealth();
      results.push({ ...target, ...r, kb: Math.round(bytes / 102.4) / 10, peakRssMb: Math.round(rss.peak), firstLoadJsKb: js ? Math.round(js.bytes / 102.4) / 10 : null });
      log(`${target.name}: ${r.rps} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, errors ${r.errors} (timeouts ${r.timeouts})`);
    }
    // The same bytes from a bare Node.js HTTP server (no framework, no database): how much of the
    // gap between the dashboard and the static page is the size of the responses alone — on two
    // shared cores the load generator must receive and parse every byte too.
    const bareBytes = await bareServerReference(['/about', '/']);
    // The price of a change: a committed write bumps the data version, so the next request of each
    // cached page renders from the database (a miss) and the one after is served from the cache.
    const afterChange = [];
    for (const target of TARGETS.filter((t) => t.page && t.path !== '/about')) {
      await client.query('UPDATE plant SET notes = notes WHERE id = (SELECT min(id) FROM plant)');
      const timed = async () => {
        const t0 = performance.now();
        const r = await fetch(base + target.path);
        const body = await r.arrayBuffer();
        return { ms: Math.round(performance.now() - t0), status: r.status, cache: r.headers.get('x-nextjs-cache') ?? '–', kb: Math.round(body.byteLength / 1024) };
      };
      const miss = await timed();
      const hit = await timed();
      afterChange.push({ name: target.name, path: target.path, miss, hit });
      log(`after a change, ${target.name}: ${miss.cache} ${miss.ms} ms, then ${hit.cache} ${hit.ms} ms (${miss.kb} KB)`);
    }
    // API at concurrency 1 versus the same SQL run bare with pg: the framework's overhead.
    const apiSerial = await load(`${base}/api/v1/capacity?group=country&scenario=announced`, 1, duration);
    const sql = capacitySeriesSql({ scenario: 'announced', asOf: new Date().toISOString().slice(0, 10), fromYear: 2020, toYear: 2030, weights: DEFAULT_WEIGHTS }, 'country');
    const sqlTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await client.query(sql.text, sql.values);
      sqlTimes.push(performance.now() - t0);
    }
    const rawSqlP50 = Math.round(percentile(sqlTimes, 50) * 10) / 10;
    const plan = async (statement: Prisma.Sql) =>
      (await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`, statement.values)).rows.map((r) => r['QUERY PLAN']).join('\n');
    const today = new Date().toISOString().slice(0, 10);
    const { filters } = parsePlantFilters({ status: ['operational', 'under_construction'], sort: 'now' }, today);
    const explains = [
      { title: 'Capacity by country, 2020–2030 (`lib/db/capacity-series.ts`, also `/api/v1/capacity`)', plan: await plan(sql) },
      {
        title: 'Operational capacity now, a headline figure (`getCapacityTotal`)',
        plan: await plan(Prisma.sql`WITH ${plantYearsCte({ scenario: 'operational', asOf: today, fromYear: Number(today.slice(0, 4)), toYear: Number(today.slice(0, 4)), weights: DEFAULT_WEIGHTS })}
          SELECT ROUND(SUM(py.gwh)::numeric, 3)::float8 AS gwh FROM py`),
      },
      {
        title: 'Explorer: operational + under construction, sorted by capacity now, first page (`lib/db/plant-filter-sql.ts`)',
        plan: await plan(Prisma.sql`${filteredPlantsSql(filters)} SELECT * FROM f ORDER BY ${orderBySql(filters.sort, filters.dir)} LIMIT 25`),
      },
      {
        title: 'Shared page cache lookup on every page request (`lib/page-cache/handler.mjs`)',
        plan: await plan(Prisma.sql`SELECT v.version::text AS current, c.version::text AS stored, c.value, c.last_modified
           FROM data_version v LEFT JOIN page_cache c ON c.key = (SELECT key FROM page_cache LIMIT 1)`),
      },
    ];
    // CSV export of every plant: time and server memory growth.
    rss.reset();
    const exportBase = treeRssMb(server.pid!);
    const t0 = performance.now();
    const csv = await fetch(`${base}/plants/export?format=csv`).then((r) => r.text());
    const exportMs = Math.round(performance.now() - t0);
    const exportRows = csv.trim().split('\n').length - 1;
    const exportGrowthMb = Math.round(rss.peak - exportBase);
    const peakRssMb = Math.max(...results.map((r) => r.peakRssMb), rss.peak);
    rss.stop();
    await client.end();
    // Bulk import of a 10,000-row CSV through the admin import, in this process.
    process.env.DATABASE_URL = url;
    log('bulk import of 10,000 rows (dry run + commit)…');
    const bulkImport = await benchImport(quick ? 1000 : 10_000);

    const report = {
      date: new Date().toISOString(), mode: quick ? 'quick' : 'default',
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: String(dataset.pg).split(',')[0] },
      dataset: { ...dataset, pg: undefined }, connections, durationSeconds: duration, baselineRssMb: Math.round(baselineRss),
      serverNodeOptions: serverNodeOptions(), results, bareBytes, afterChange, bulkImport, apiCapacityP50Serial: apiSerial.p50, rawSqlP50, exportMs, exportRows, exportGrowthMb, peakRssMb: Math.round(peakRssMb), explains,
      ratios: {
        dashboardOverStatic: Math.round((results[1]!.rps / results[0]!.rps) * 100) / 100,
        apiOverRawSql: Math.round((apiSerial.p50 / rawSqlP50) * 100) / 100,
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    await writeReport(report);
  } finally {
    server.kill('SIGTERM');
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  }
}

/** Serves the bodies of `paths` (fetched from the app) from a bare node:http server, and loads each. */
async function bareServerReference(paths: string[]) {
  const bodies = await Promise.all(paths.map(async (p) => ({ path: p, body: Buffer.from(await (await fetch(base + p)).arrayBuffer()) })));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vt-bench-'));
  bodies.forEach((b, i) => writeFileSync(path.join(dir, `${i}.html`), b.body));
  const barePort = port + 1;
  const script = `const http = require('node:http'); const fs = require('node:fs');
    const bodies = ${JSON.stringify(bodies.map((_, i) => path.join(dir, `${i}.html`)))}.map((f) => fs.readFileSync(f));
    http.createServer((req, res) => {
      const body = bodies[Number(req.url.slice(1))] ?? Buffer.from('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.end(body);
    }).listen(${barePort}, '127.0.0.1', () => console.log('ready'));`;
  const bare = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve) => bare.stdout!.once('data', () => resolve()));
    const out = [];
    for (const [i, b] of bodies.entries()) {
      const r = await load(`http://127.0.0.1:${barePort}/${i}`, connections, duration);
      out.push({ path: b.path, kb: Math.round(b.body.length / 102.4) / 10, rps: r.rps, p95: r.p95 });
      log(`bare node:http serving the bytes of ${b.path} (${Math.round(b.body.length / 1024)} KB): ${r.rps} req/s, p95 ${r.p95} ms`);
    }
    return out;
  } finally {
    bare.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitForHealth() {
  let last = 'no answer';
  for (let i = 0; i < 120; i++) {
    const r = await fetch(`${base}/api/health`).catch(() => null);
    if (r?.ok) return;
    if (r) last = `${r.status} ${await r.text()}`;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not become healthy: ${last}`);
}

type Report = Record<string, unknown> & {
  afterChange: { name: string; path: string; miss: { ms: number; status: number; cache: string; kb: number }; hit: { ms: number; status: number; cache: string; kb: number } }[];
  explains: { title: string; plan: string }[];
  bulkImport: { rows: number; dryRunMs: number; commitMs: number };
  results: { name: string; path: string; kb: number; rps: number; p50: number; p95: number; p99: number; requests: number; errors: number; timeouts: number; peakRssMb: number; firstLoadJsKb: number | null }[];
  ratios: { dashboardOverStatic: number; apiOverRawSql: number };
  bareBytes: { path: string; kb: number; rps: number; p95: number }[];
};

async function writeReport(r: Report) {
  const dir = path.join(ROOT, 'bench', r.mode === 'quick' ? 'out' : '');
  await mkdir(dir, { recursive: true });
  const machine = r.machine as Record<string, string | number>;
  const ds = r.dataset as Record<string, number>;
  const dash = r.results[1]!;
  const explorer = r.results[3]!;
  const targets = [
    ['Dashboard throughput ≥ 50% of static', `${Math.round(r.ratios.dashboardOverStatic * 100)}%`, r.ratios.dashboardOverStatic >= 0.5],
    ['Dashboard p95 ≤ 150 ms at 20 connections', `${dash.p95} ms`, dash.p95 <= 150],
    ['Explorer filtered + sorted p95 ≤ 150 ms', `${explorer.p95} ms`, explorer.p95 <= 150],
    [`CSV export of all ${ds.plants} plants ≤ 3 s`, `${(r.exportMs as number) / 1000} s (${r.exportRows} rows)`, (r.exportMs as number) <= 3000 && (r.exportRows as number) === ds.plants],
    ['Export memory growth ≤ 100 MB', `${r.exportGrowthMb} MB`, (r.exportGrowthMb as number) <= 100],
    ['API capacity p50 ≤ 2× raw SQL (1 connection)', `${r.apiCapacityP50Serial} ms vs ${r.rawSqlP50} ms (${r.ratios.apiOverRawSql}×)`, r.ratios.apiOverRawSql <= 2],
    ['First-load JS of / ≤ 200 KB gzip', `${dash.firstLoadJsKb} KB`, (dash.firstLoadJsKb ?? Infinity) <= 200],
    ['Server RSS ≤ 400 MB under load', `${r.peakRssMb} MB`, (r.peakRssMb as number) <= 400],
    [`Bulk import of a ${r.bulkImport.rows}-row CSV (dry run + commit) ≤ 15 s`, `${((r.bulkImport.dryRunMs + r.bulkImport.commitMs) / 1000).toFixed(1)} s (${r.bulkImport.dryRunMs} + ${r.bulkImport.commitMs} ms)`, r.bulkImport.dryRunMs + r.bulkImport.commitMs <= 15_000],
  ] as const;
  const md = `# Voltrack benchmark report

Run ${r.date} (${r.mode} mode, ${r.totalSeconds} s in all) with \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\`.

**Machine:** ${machine.cpus} × ${machine.cpu}, ${machine.memGb} GiB, Node ${machine.node}, ${machine.postgres}.
**Dataset:** ${ds.plants} plants, ${ds.announcements} capacity announcements, ${ds.status_events} status events, ${ds.contracts} contracts (curated + synthetic).
**Load:** autocannon in a second process on loopback, ${r.connections} connections, ${r.durationSeconds} s per target, after 3 warm-up requests. Server: \`next start\` (production build), pool of 10, \`NODE_OPTIONS=${r.serverNodeOptions}\`.

## Targets

| target | measured | |
|---|---|---|
${targets.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'met' : '**missed**'} |`).join('\n')}

## Throughput and latency

| page / endpoint | response KB | req/s | p50 ms | p95 ms | p99 ms | completed | errors (timeouts) | peak RSS MB | first-load JS KB gzip |
|---|---|---|---|---|---|---|---|---|---|
${r.results.map((x) => `| ${x.name} \`${x.path}\` | ${x.kb} | ${x.rps} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.requests} | ${x.errors} (${x.timeouts}) | ${x.peakRssMb} | ${x.firstLoadJsKb ?? '–'} |`).join('\n')}

Latencies are of completed requests; autocannon gives up on a request after 10 s (a timeout).
Public pages are served from the shared page cache (PostgreSQL, keyed by URL, day and data version), so under
load these figures are cache hits. What a change costs is below.

## The same bytes from a bare Node.js server

The response bodies of the static page and the dashboard, served from memory by a bare \`node:http\`
server (no framework, no database, no cache lookup) under the same load: what the size of a
response costs on this machine by itself, load generator included.

| body of | KB | req/s | p95 ms |
|---|---|---|---|
${r.bareBytes.map((x) => `| \`${x.path}\` | ${x.kb} | ${x.rps} | ${x.p95} |`).join('\n')}

Bare ratio (dashboard bytes ÷ static-page bytes): **${Math.round((r.bareBytes[1]!.rps / r.bareBytes[0]!.rps) * 100)}%**; the app's: ${Math.round(r.ratios.dashboardOverStatic * 100)}%.

## The first request after a change

A committed write (here \`UPDATE plant SET notes = notes …\`, through the database triggers) bumps the data
version; the next request of each page renders from the database on every instance, the one after is a hit.

| page | after a change (miss) ms | next request ms | page KB |
|---|---|---|---|
${r.afterChange.map((x) => `| ${x.name} \`${x.path}\` | ${x.miss.ms} (${x.miss.cache}, ${x.miss.status}) | ${x.hit.ms} (${x.hit.cache}, ${x.hit.status}) | ${x.miss.kb} |`).join('\n')}

- Dashboard ÷ static throughput: **${r.ratios.dashboardOverStatic}**
- \`/api/v1/capacity\` p50 at 1 connection: ${r.apiCapacityP50Serial} ms; the same SQL run bare with \`pg\`: ${r.rawSqlP50} ms p50 → **${r.ratios.apiOverRawSql}×**
- CSV export of the whole plant set: ${r.exportMs} ms for ${r.exportRows} rows; server memory growth ${r.exportGrowthMb} MB
- Server RSS: ${r.baselineRssMb} MB idle, ${r.peakRssMb} MB peak

## Query plans of the hot queries

${r.explains.map((e) => `### ${e.title}\n\n\`\`\`\n${e.plan}\n\`\`\`\n`).join('\n')}`;
  await writeFile(path.join(dir, 'report.md'), md);
  await writeFile(path.join(dir, 'report.json'), JSON.stringify(r, null, 2));
  console.log(md);
  log(`wrote ${path.relative(ROOT, path.join(dir, 'report.md'))}`);
}

main().then(() => process.exit(0), (error: Error) => {
  console.error(`[bench] error: ${error.message}`);
  process.exit(1);
});
