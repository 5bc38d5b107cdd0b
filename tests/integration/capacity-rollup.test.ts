// The capacity rule is materialised bitemporally (plant_capacity_step, plant_long_term_span,
// plant_status_span) by triggers, and the data_version counter likewise: whatever path writes (raw
// SQL, the admin data layer, the bulk import, transactions that commit or roll back), the stored
// tables must equal a from-scratch run of the rule's SQL definition, that definition must agree
// with the rule's TypeScript oracle on every as-of date where anything changes, and capacity
// figures must equal the independent oracle for today and for past dates.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStatusEvent } from '@/lib/db/admin/add-status-event';
import { commitImport } from '@/lib/db/admin/commit-import';
import { correctCapacityAnnouncement } from '@/lib/db/admin/correct-capacity-announcement';
import { createCapacityAnnouncement } from '@/lib/db/admin/create-capacity-announcement';
import { deleteRecord } from '@/lib/db/admin/delete-record';
import { restoreRecord } from '@/lib/db/admin/restore-record';
import { getCapacitySeries } from '@/lib/db/capacity-series';
import { listPlants } from '@/lib/db/list-plants';
import { DEFAULT_WEIGHTS, latestLongTerm, SCENARIOS, type Scenario, statusAsOf, winningAnnouncement } from '@/lib/domain/capacity';
import { PLANT_STATUSES, type PlantStatus } from '@/lib/domain/plant-status';
import { isAppError } from '@/lib/errors';
import { todayIso } from '@/lib/validation/capacity';
import { parsePlantFilters } from '@/lib/validation/plant-filters';
import { as, createTestUser, signIn } from '../support/auth';
import { setupTestDatabase } from '../support/database';
import { loadOracle, loadOraclePlants, oracleExplorer, oracleTotals } from '../support/oracle';

const t = setupTestDatabase({ seeded: true });
const TODAY = todayIso();
const weights = { ...DEFAULT_WEIGHTS, announced: 0.4 };
let client: pg.Client;
let editor: Headers;
let pool: { id: number; ref: string }[];
/** A source published on 2018-01-01, so facts dated from then on may cite it. */
let sourceId: number;

const day = (n: number) => new Date(Date.parse('2018-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
/** Dates of the random writes: 2018-01-01 to 2026-06-30, all before today. */
const DAYS = 3102;
let serial = 0;
const tag = () => `${Date.now().toString(36)}${(serial += 1)}`;

beforeAll(async () => {
  client = new pg.Client(t.url);
  await client.connect();
  editor = await signIn(await createTestUser('editor', 'Rollup tester'));
  pool = await t.query(`SELECT id, ref FROM plant WHERE deleted_at IS NULL AND in_cell_totals ORDER BY id LIMIT 6`);
  [{ id: sourceId }] = (await t.query<{ id: number }>(`
    INSERT INTO source (url, publisher, title, language, tier, published_on, date_precision, updated_at)
    VALUES ('https://example.org/rollup-test', 'Example', 'Rollup test source', 'en', 'trade', '2018-01-01', 'day', now()) RETURNING id`)) as [{ id: number }];
});

afterAll(async () => {
  await client?.end();
});

// ---- The materialised rule against a from-scratch run and against the TypeScript oracle ------

const STORED = {
  steps: `SELECT plant_id || ':' || known_from || ':' || known_to || ':' || from_year || ':' || to_year || ':' || gwh_per_year::text || ':' || announcement_id AS s FROM`,
  longTerm: `SELECT plant_id || ':' || known_from || ':' || known_to || ':' || gwh_per_year::text || ':' || announcement_id AS s FROM`,
  status: `SELECT plant_id || ':' || known_from || ':' || known_to || ':' || status::text || ':' || effective_on || ':' || event_id AS s FROM`,
};

async function rows(sql: string) {
  return (await t.query<{ s: string }>(sql)).map((r) => r.s).sort();
}

/** The stored tables equal a from-scratch run of the rule's SQL definition. */
async function expectRollupFresh() {
  expect(await rows(`${STORED.steps} plant_capacity_step`)).toEqual(await rows(`${STORED.steps} capacity_steps_known(NULL)`));
  expect(await rows(`${STORED.longTerm} plant_long_term_span`)).toEqual(await rows(`${STORED.longTerm} long_term_known(NULL)`));
  expect(await rows(`${STORED.status} plant_status_span`)).toEqual(await rows(`${STORED.status} plant_status_known(NULL)`));
}

/**
 * The rule's SQL definition agrees with its TypeScript oracle for the pool's plants on every date
 * their facts change (and the day before each): the steps (years, figure, winning row), the
 * long-term figure and the status.
 */
async function expectRuleMatchesOracle() {
  const data = await loadOracle(t);
  const ids = new Set(pool.map((p) => p.id));
  const plants = data.plants.filter((p) => ids.has(p.id) || p.ref.startsWith('RB-'));
  const dates = new Set<string>([TODAY]);
  const before = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  for (const p of plants) {
    for (const f of [...p.announcements, ...p.longTerm]) dates.add(f.knownOn).add(before(f.knownOn));
    for (const e of p.statusEvents) dates.add(e.knownOn).add(e.effectiveOn).add(before(e.effectiveOn));
  }
  const probe = [...dates].filter((d) => d >= '2000-01-02').sort();
  const stored = await t.query<{ d: string; plant_id: number; kind: string; v: string }>(`
    SELECT to_char(d, 'YYYY-MM-DD') AS d, s.plant_id, 'step' AS kind, s.from_year || ':' || s.to_year || ':' || s.gwh_per_year::float8 || ':' || s.announcement_id AS v
    FROM unnest($1::date[]) d CROSS JOIN LATERAL capacity_steps_on(d) s WHERE s.plant_id = ANY($2)
    UNION ALL
    SELECT to_char(d, 'YYYY-MM-DD'), l.plant_id, 'long', l.gwh_per_year::float8 || ':' || l.announcement_id
    FROM unnest($1::date[]) d CROSS JOIN LATERAL long_term_on(d) l WHERE l.plant_id = ANY($2)
    UNION ALL
    SELECT to_char(d, 'YYYY-MM-DD'), st.plant_id, 'status', st.status || ':' || st.effective_on || ':' || st.event_id
    FROM unnest($1::date[]) d CROSS JOIN LATERAL plant_status_on(d) st WHERE st.plant_id = ANY($2)`, [probe, plants.map((p) => p.id)]);
  const actual = stored.map((r) => `${r.d} ${r.plant_id} ${r.kind} ${r.v}`).sort();
  const expected: string[] = [];
  for (const d of probe) {
    for (const p of plants) {
      const years = [...new Set(p.announcements.filter((a) => a.knownOn <= d).map((a) => a.targetYear))].sort((a, b) => a - b);
      years.forEach((y, i) => {
        const w = winningAnnouncement(p.announcements.filter((a) => a.targetYear === y), y, d)!;
        expected.push(`${d} ${p.id} step ${y}:${years[i + 1] ?? 100000}:${w.gwhPerYear}:${w.id}`);
      });
      const lt = latestLongTerm(p.longTerm, d);
      if (lt) expected.push(`${d} ${p.id} long ${lt.gwhPerYear}:${lt.id}`);
      const st = statusAsOf(p.statusEvents, d);
      if (st) expected.push(`${d} ${p.id} status ${st.status}:${st.effectiveOn}:${st.id}`);
    }
  }
  expect(actual).toEqual(expected.sort());
}

/** Same groups, same figures to the third decimal (sums of weighted figures may round either way at .0005). */
function expectSameTotals(fromSql: Map<string, { gwh: number; undisclosed: number }>, expected: Map<string, { gwh: number; undisclosed: number }>, what: string) {
  expect([...fromSql.keys()].sort(), what).toEqual([...expected.keys()].sort());
  for (const [key, v] of fromSql) {
    expect(Math.abs(v.gwh - expected.get(key)!.gwh), `${what} ${key}`).toBeLessThan(0.0015);
    expect(v.undisclosed, `${what} ${key} undisclosed`).toBe(expected.get(key)!.undisclosed);
  }
}

/** Capacity by country for 2018–2036 as of `asOf` against the oracle, and the explorer's filtered set. */
async function expectFiguresMatchOracle(scenario: Scenario, asOf: string, status: PlantStatus) {
  const plants = await loadOraclePlants(t);
  const series = await getCapacitySeries({ scenario, asOf, fromYear: 2018, toYear: 2036, weights }, 'country');
  for (let year = 2018; year <= 2036; year++) {
    const fromSql = new Map(series.filter((p) => p.year === year).map((p) => [p.key, { gwh: p.gwh, undisclosed: p.undisclosedPlants }]));
    expectSameTotals(fromSql, oracleTotals(plants, { scenario, asOf, year, weights, groupBy: 'country' }), `${scenario} as of ${asOf}, ${year}`);
  }
  const filters = { ...parsePlantFilters({}, TODAY).filters, asOf, scenario, status: [status], size: 100 };
  const expected = oracleExplorer(await loadOracle(t), filters, DEFAULT_WEIGHTS).slice(0, 100);
  const page = await listPlants(filters);
  expect(page.rows.map((r) => [r.slug, r.status])).toEqual(expected.map((r) => [r.plant.slug, r.status]));
  page.rows.forEach((row, i) => {
    if (expected[i]!.yearGwh === null) expect(row.yearGwh).toBeNull();
    else expect(row.yearGwh).toBeCloseTo(expected[i]!.yearGwh!, 2);
  });
}

// ---- Random writes ---------------------------------------------------------------------------

type Table = 'capacity_announcement' | 'plant_status_event';
type SqlOp =
  | { kind: 'insert-figures'; rows: { plant: number; year: number | null; gwh: number; day: number; lag: number }[] }
  | { kind: 'insert-events'; rows: { plant: number; status: PlantStatus; day: number; lag: number }[] }
  | { kind: 'update'; table: Table; pick: number; n: number; change: 'date' | 'known' | 'year' | 'value' | 'plant'; value: number }
  | { kind: 'soft-delete' | 'undelete' | 'hard-delete'; table: Table; pick: number; n: number }
  | { kind: 'toggle-plant'; plant: number; what: 'deleted' | 'in-cell-totals' }
  | { kind: 'drop-imported-plant'; pick: number };
type Op =
  | SqlOp
  | { kind: 'transaction'; ops: SqlOp[]; commit: boolean }
  | { kind: 'admin-figure'; plant: number; year: number; gwh: number; day: number }
  | { kind: 'admin-correct'; pick: number; gwh: number; day: number }
  | { kind: 'admin-status'; plant: number; status: PlantStatus; day: number }
  | { kind: 'admin-delete' | 'admin-restore'; table: Table; pick: number }
  | { kind: 'import-figures'; rows: { plant: number; year: number; gwh: number; day: number }[] }
  | { kind: 'import-plant'; status: PlantStatus; day: number };

const plantArb = fc.nat({ max: 5 });
const dayArb = fc.nat({ max: DAYS });
const statusArb = fc.constantFrom(...PLANT_STATUSES);
const tableArb = fc.constantFrom<Table>('capacity_announcement', 'plant_status_event');
const gwhArb = fc.integer({ min: 0, max: 60_000 }).map((v) => v / 1000);
const yearArb = fc.integer({ min: 2018, max: 2036 });
/** Days between a fact and its publication: mostly none, sometimes months or years. */
const lagArb = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 900 }));
const figureArb = fc.record({ plant: plantArb, year: fc.option(yearArb, { freq: 8 }), gwh: gwhArb, day: dayArb, lag: lagArb });
const sqlOpArb: fc.Arbitrary<SqlOp> = fc.oneof(
  fc.record({ kind: fc.constant('insert-figures' as const), rows: fc.array(figureArb, { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('insert-events' as const), rows: fc.array(fc.record({ plant: plantArb, status: statusArb, day: dayArb, lag: lagArb }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('update' as const), table: tableArb, pick: fc.nat(), n: fc.integer({ min: 1, max: 4 }),
    change: fc.constantFrom('date' as const, 'known' as const, 'year' as const, 'value' as const, 'plant' as const), value: fc.nat({ max: DAYS }) }),
  fc.record({ kind: fc.constantFrom('soft-delete' as const, 'undelete' as const, 'hard-delete' as const), table: tableArb, pick: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('toggle-plant' as const), plant: plantArb, what: fc.constantFrom('deleted' as const, 'in-cell-totals' as const) }),
  fc.record({ kind: fc.constant('drop-imported-plant' as const), pick: fc.nat() }),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: sqlOpArb, weight: 4 },
  fc.record({ kind: fc.constant('transaction' as const), ops: fc.array(sqlOpArb, { minLength: 2, maxLength: 4 }), commit: fc.boolean() }),
  fc.record({ kind: fc.constant('admin-figure' as const), plant: plantArb, year: yearArb, gwh: gwhArb, day: dayArb }),
  fc.record({ kind: fc.constant('admin-correct' as const), pick: fc.nat(), gwh: gwhArb, day: dayArb }),
  fc.record({ kind: fc.constant('admin-status' as const), plant: plantArb, status: statusArb, day: dayArb }),
  fc.record({ kind: fc.constantFrom('admin-delete' as const, 'admin-restore' as const), table: tableArb, pick: fc.nat() }),
  fc.record({ kind: fc.constant('import-figures' as const), rows: fc.array(fc.record({ plant: plantArb, year: yearArb, gwh: gwhArb, day: dayArb }), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('import-plant' as const), status: statusArb, day: dayArb }),
);

/** Ids of the pool plants' rows (deleted or not), `n` of them from position `pick`. */
async function pickRows(c: pg.ClientBase, table: Table, pick: number, n: number, where = 'TRUE'): Promise<number[]> {
  const ids = (await c.query<{ id: number }>(`SELECT id FROM ${table} WHERE plant_id = ANY($1) AND ${where} ORDER BY id`, [pool.map((p) => p.id)])).rows.map((r) => r.id);
  return ids.length ? Array.from({ length: Math.min(n, ids.length) }, (_, i) => ids[(pick + i) % ids.length]!) : [];
}

/** Runs one raw-SQL write on `c`. */
async function runSql(c: pg.ClientBase, op: SqlOp): Promise<void> {
  switch (op.kind) {
    case 'insert-figures': {
      const rows = op.rows.map((r) => [`RB-${tag()}`, pool[r.plant]!.id, r.year === null ? 'long_term' : 'milestone', r.year, r.gwh, day(r.day), day(r.day + r.lag)]);
      await c.query(`INSERT INTO capacity_announcement (ref, plant_id, scope, target_year, gwh_per_year, announced_on, known_on, confidence)
        SELECT r, p, s::"CapacityScope", y, g, d, k, 'medium'
        FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::numeric[], $6::date[], $7::date[]) AS u(r, p, s, y, g, d, k)`,
      [0, 1, 2, 3, 4, 5, 6].map((i) => rows.map((r) => r[i])));
      return;
    }
    case 'insert-events': {
      const rows = op.rows.map((r) => [`RB-${tag()}`, pool[r.plant]!.id, r.status, day(r.day), day(r.day + r.lag)]);
      await c.query(`INSERT INTO plant_status_event (ref, plant_id, status, effective_on, known_on)
        SELECT r, p, s::"PlantStatus", d, k FROM unnest($1::text[], $2::int[], $3::text[], $4::date[], $5::date[]) AS u(r, p, s, d, k)`,
      [0, 1, 2, 3, 4].map((i) => rows.map((r) => r[i])));
      return;
    }
    case 'update': {
      const ids = await pickRows(c, op.table, op.pick, op.n, op.table === 'capacity_announcement' && op.change === 'year' ? `scope = 'milestone'` : 'TRUE');
      const figures = op.table === 'capacity_announcement';
      // An announcement is never known before it was made (a CHECK): moving one date moves the other along.
      const set = {
        date: figures ? `announced_on = $2::date, known_on = GREATEST(known_on, $2::date)` : `effective_on = $2::date`,
        known: figures ? `known_on = GREATEST(announced_on, $2::date)` : `known_on = $2::date`,
        year: figures ? 'target_year = 2018 + $2::int % 19' : `status = (enum_range(NULL::"PlantStatus"))[1 + $2::int % 5]`,
        value: figures ? 'gwh_per_year = ($2::int % 50000) / 1000.0' : `note = 'touched ' || $2::int`,
        plant: `plant_id = (SELECT ($3::int[])[1 + $2::int % 6])`,
      }[op.change];
      const params: unknown[] = [ids, op.change === 'date' || op.change === 'known' ? day(op.value) : op.value];
      if (op.change === 'plant') params.push(pool.map((p) => p.id));
      await c.query(`UPDATE ${op.table} SET ${set} WHERE id = ANY($1)`, params);
      return;
    }
    case 'soft-delete':
    case 'undelete': {
      const ids = await pickRows(c, op.table, op.pick, op.n);
      await c.query(`UPDATE ${op.table} SET deleted_at = ${op.kind === 'soft-delete' ? 'now()' : 'NULL'} WHERE id = ANY($1)`, [ids]);
      return;
    }
    case 'hard-delete': {
      await c.query(`DELETE FROM ${op.table} WHERE id = ANY($1)`, [await pickRows(c, op.table, op.pick, op.n)]);
      return;
    }
    case 'toggle-plant': {
      const set = op.what === 'deleted' ? 'deleted_at = CASE WHEN deleted_at IS NULL THEN now() END' : 'in_cell_totals = NOT in_cell_totals';
      await c.query(`UPDATE plant SET ${set} WHERE id = $1`, [pool[op.plant]!.id]);
      return;
    }
    case 'drop-imported-plant': {
      // A hard delete cascades to the plant's status events and figures: their triggers fire too.
      const { rows } = await c.query<{ id: number }>(`SELECT id FROM plant WHERE ref LIKE 'RB-%' ORDER BY id`);
      if (rows.length) await c.query(`DELETE FROM plant WHERE id = $1`, [rows[op.pick % rows.length]!.id]);
    }
  }
}

/** An admin or import call; refusals a user could cause (conflict, not found, invalid) write nothing. */
async function refusable(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await as(editor, fn);
    return true;
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}

const source = () => ({ sourceId: String(sourceId) });
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Admin and import writes that went through (a run where every one was refused would test nothing). */
const accepted = { admin: 0, import: 0 };
const count = (kind: keyof typeof accepted) => (ok: boolean) => { if (ok) accepted[kind] += 1; };

async function apply(op: Op): Promise<void> {
  switch (op.kind) {
    case 'transaction': {
      await client.query('BEGIN');
      try {
        for (const inner of op.ops) await runSql(client, inner);
        await client.query(op.commit ? 'COMMIT' : 'ROLLBACK');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      return;
    }
    case 'admin-figure': {
      const input = { plantId: pool[op.plant]!.id, scope: 'milestone', targetYear: String(op.year), gwhPerYear: String(op.gwh), announcedOn: day(op.day), knownOn: day(op.day + 30), datePrecision: 'day', confidence: 'medium', source: source() };
      await refusable(() => createCapacityAnnouncement(input)).then(count('admin'));
      return;
    }
    case 'admin-correct': {
      const [id] = await pickRows(client, 'capacity_announcement', op.pick, 1, `deleted_at IS NULL AND scope = 'milestone'`);
      if (id === undefined) return;
      const [old] = await t.query<{ plant_id: number; target_year: number }>(`SELECT plant_id, target_year FROM capacity_announcement WHERE id = $1`, [id]);
      const input = { plantId: old!.plant_id, scope: 'milestone', targetYear: String(old!.target_year), gwhPerYear: String(op.gwh), announcedOn: day(op.day), datePrecision: 'day', confidence: 'low', source: source() };
      await refusable(() => correctCapacityAnnouncement(id, input)).then(count('admin'));
      return;
    }
    case 'admin-status': {
      const input = { plantId: pool[op.plant]!.id, status: op.status, effectiveOn: day(op.day), knownOn: day(op.day + 7), datePrecision: 'day', source: source() };
      await refusable(() => addStatusEvent(input)).then(count('admin'));
      return;
    }
    case 'admin-delete':
    case 'admin-restore': {
      const [id] = await pickRows(client, op.table, op.pick, 1, op.kind === 'admin-delete' ? 'deleted_at IS NULL' : 'deleted_at IS NOT NULL');
      if (id === undefined) return;
      await refusable(() => (op.kind === 'admin-delete' ? deleteRecord({ entity: op.table, id, version: null }) : restoreRecord({ entity: op.table, id })));
      return;
    }
    case 'import-figures': {
      const csv = ['ref,plant_ref,scope,target_year,gwh_per_year,announced_on,known_on,confidence,source_url',
        ...op.rows.map((r) => `RB-${tag()},${pool[r.plant]!.ref},milestone,${r.year},${r.gwh},${day(r.day)},${day(r.day + 60)},medium,https://example.org/rollup-test`)].join('\n');
      await refusable(() => commitImport('announcements', utf8(csv))).then(count('import'));
      return;
    }
    case 'import-plant': {
      const csv = ['ref,name,operator,city,region,lat,lon,status,status_since,facility_type,chemistry_family,segment,confidence,source_url',
        `RB-${tag()},Rollup Plant ${tag()},verkor,Douai,nord-pas-de-calais,50.37,3.08,${op.status},${day(op.day)},cell_gigafactory,lfp,ev,medium,https://example.org/rollup-test`].join('\n');
      await refusable(() => commitImport('plants', utf8(csv))).then(count('import'));
      return;
    }
    default:
      await runSql(client, op);
  }
}

describe('the materialised capacity rule, kept by triggers', () => {
  it('starts equal to a from-scratch run of its definition, which agrees with the oracle', async () => {
    await expectRollupFresh();
    await expectRuleMatchesOracle();
    expect((await rows(`${STORED.steps} plant_capacity_step`)).length).toBeGreaterThan(50);
  });

  it('stays equal to a from-scratch run, and figures to the oracle, under random writes on every path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...SCENARIOS),
        fc.integer({ min: 365, max: 2950 }),
        statusArb,
        async (ops, scenario, pastDay, status) => {
          for (const op of ops) {
            await apply(op);
            await expectRollupFresh();
          }
          await expectRuleMatchesOracle();
          await expectFiguresMatchOracle(scenario, TODAY, status);
          await expectFiguresMatchOracle(scenario, day(pastDay), status);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
    expect(accepted.admin).toBeGreaterThan(5);
    expect(accepted.import).toBeGreaterThan(5);
  }, 600_000);

  it('serialises concurrent writers to one plant, so the later one recomputes from what the first committed', async () => {
    const other = new pg.Client(t.url);
    await other.connect();
    try {
      const plant = pool[0]!.id;
      const insert = (c: pg.ClientBase, gwh: number, d: string) => c.query(`INSERT INTO capacity_announcement (ref, plant_id, target_year, gwh_per_year, announced_on, known_on, confidence)
        VALUES ($1, $2, 2033, $3, $4, $4, 'high')`, [`RB-${tag()}`, plant, gwh, d]);
      // Later than any random write, so the second figure is the plant's latest for 2033.
      await client.query('BEGIN');
      await insert(client, 11, '2026-07-01');
      // Not awaited: on PostgreSQL the insert waits for the first transaction's locks (on the
      // embedded server, BEGIN itself waits for it to end).
      const second = other.query('BEGIN').then(() => insert(other, 22, '2026-07-02'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.query('COMMIT');
      await second;
      await other.query('COMMIT');
      await expectRollupFresh();
      const [step] = await t.query(`SELECT gwh_per_year::float8 AS gwh FROM capacity_steps_on(CURRENT_DATE) WHERE plant_id = $1 AND from_year = 2033`, [plant]);
      expect(step).toEqual({ gwh: 22 });
    } finally {
      await other.end();
    }
  });

  it('shows a fact from the day it becomes public, never earlier, and a stop from when it took effect once known', async () => {
    const plant = pool[1]!.id;
    // Announced last year, published only next month: invisible today, visible from then on.
    const future = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const lastYear = `${Number(TODAY.slice(0, 4)) - 1}-06-01`;
    await t.query(`INSERT INTO capacity_announcement (ref, plant_id, target_year, gwh_per_year, announced_on, known_on, confidence)
      VALUES ($1, $2, 2030, 999, $3, $4, 'low')`, [`RB-${tag()}`, plant, lastYear, future]);
    await expectRollupFresh();
    await expectRuleMatchesOracle();
    const has999 = async (asOf: string) => (await t.query(`SELECT 1 FROM capacity_steps_on($1::date) WHERE plant_id = $2 AND gwh_per_year = 999`, [asOf, plant])).length > 0;
    expect(await has999(TODAY)).toBe(false);
    expect(await has999(future)).toBe(true);
    await expectFiguresMatchOracle('announced', TODAY, 'announced');
    await expectFiguresMatchOracle('announced', future, 'announced');
  });
});

// ---- data_version -------------------------------------------------------------------------------

/** A write that changes a row (or adds one) in each table a public page or the API reads. */
const PUBLIC_WRITES: Record<string, (n: number) => string> = {
  region: () => `UPDATE region SET name = name || '' WHERE id = (SELECT min(id) FROM region)`,
  company: () => `UPDATE company SET notes = 'dv' WHERE id = (SELECT min(id) FROM company)`,
  source: () => `UPDATE source SET note = 'dv' WHERE id = (SELECT min(id) FROM source)`,
  plant: () => `UPDATE plant SET notes = 'dv' WHERE id = (SELECT min(id) FROM plant)`,
  plant_partner: () => `UPDATE plant_partner SET note = 'dv' WHERE id = (SELECT min(id) FROM plant_partner)`,
  plant_operator: () => `UPDATE plant_operator SET note = 'dv' WHERE id = (SELECT min(id) FROM plant_operator)`,
  company_parent: () => `UPDATE company_parent SET note = 'dv' WHERE id = (SELECT min(id) FROM company_parent)`,
  contract_event: () => `UPDATE contract_event SET note = 'dv' WHERE id = (SELECT min(id) FROM contract_event)`,
  tracker_figure: () => `UPDATE tracker_figure SET note = 'dv' WHERE id = (SELECT min(id) FROM tracker_figure)`,
  plant_source: () => `DELETE FROM plant_source WHERE (plant_id, source_id) = (SELECT plant_id, source_id FROM plant_source ORDER BY 1, 2 LIMIT 1)`,
  plant_status_event: () => `UPDATE plant_status_event SET note = 'dv' WHERE id = (SELECT min(id) FROM plant_status_event)`,
  capacity_announcement: () => `UPDATE capacity_announcement SET note = 'dv' WHERE id = (SELECT min(id) FROM capacity_announcement)`,
  contract: () => `UPDATE contract SET notes = 'dv' WHERE id = (SELECT min(id) FROM contract)`,
  contract_source: () => `DELETE FROM contract_source WHERE (contract_id, source_id) = (SELECT contract_id, source_id FROM contract_source ORDER BY 1, 2 LIMIT 1)`,
  region_claim: () => `INSERT INTO region_claim (ref, region_id, target_year, gwh_per_year, claim, source_id, known_on)
    VALUES ('DV-' || gen_random_uuid(), (SELECT min(id) FROM region), 2030, 1, 'dv', (SELECT min(id) FROM source), CURRENT_DATE)`,
  dataset_snapshot: (n) => `INSERT INTO dataset_snapshot (taken_on, zip, json, zip_bytes, json_bytes, zip_sha256, json_sha256, counts)
    VALUES (DATE '2001-01-01' + ${n}, '\\x00', '\\x00', 1, 1, repeat('a', 64), repeat('b', 64), '{}')`,
};

/** Writes that public pages never show: sign-in, API keys, rate limits, the audit log. */
const PRIVATE_WRITES: Record<string, string> = {
  audit_log: `INSERT INTO audit_log (actor_label, action, entity_type, entity_id) VALUES ('dv test', 'update', 'plant', '1')`,
  app_user: `UPDATE app_user SET name = name || '.' WHERE id = (SELECT min(id) FROM app_user)`,
  auth_session: `DELETE FROM auth_session WHERE id = (SELECT min(id) FROM auth_session)`,
  auth_verification: `INSERT INTO auth_verification (id, identifier, value, expires_at, updated_at) VALUES (gen_random_uuid()::text, 'dv', 'dv', now(), now())`,
  rate_limit: `INSERT INTO rate_limit (id, key, count, last_request) VALUES (gen_random_uuid()::text, gen_random_uuid()::text, 1, 1)`,
  api_rate_limit: `INSERT INTO api_rate_limit (bucket, window_start, count) VALUES (gen_random_uuid()::text, now(), 1)`,
  auth_account: `UPDATE auth_account SET updated_at = now()`,
  api_key: `UPDATE api_key SET last_used_at = now()`,
};

const version = async () => Number((await t.query<{ v: string }>(`SELECT version::text AS v FROM data_version`))[0]!.v);

describe('data_version', () => {
  it('is bumped by a trigger on exactly the tables public pages and the API read', async () => {
    const rows = await t.query<{ table: string }>(`
      SELECT tgrelid::regclass::text AS table FROM pg_trigger WHERE tgname = 'data_version_bump' AND NOT tgisinternal ORDER BY 1`);
    expect(rows.map((r) => r.table)).toEqual(Object.keys(PUBLIC_WRITES).sort());
  });

  it('moves on after a committed write to each public table, and stays after a rolled-back one', async () => {
    let n = 0;
    for (const [table, write] of Object.entries(PUBLIC_WRITES)) {
      const before = await version();
      await client.query('BEGIN');
      const { rowCount } = await client.query(write((n += 1)));
      expect(rowCount, `${table}: the test write changes a row`).toBe(1);
      await client.query('ROLLBACK');
      expect(await version(), `${table} rolled back`).toBe(before);
      await client.query(write((n += 1)));
      expect(await version(), `${table} committed`).toBeGreaterThan(before);
    }
  });

  it('moves on for TRUNCATE, which also empties the rollup of the truncated table', async () => {
    const before = await version();
    await client.query('BEGIN');
    await client.query('TRUNCATE capacity_announcement');
    expect(await client.query('SELECT count(*)::int AS n FROM plant_capacity_step').then((r) => r.rows[0].n)).toBe(0);
    await client.query('ROLLBACK');
    expect(await version()).toBe(before);
    await expectRollupFresh();
    await client.query('TRUNCATE region_claim');
    expect(await version()).toBeGreaterThan(before);
  });

  it('stays put for writes to the audit log, sign-in, API-key and rate-limit tables', async () => {
    await createTestUser('viewer', 'Data version');
    await signIn(await createTestUser('viewer', 'Data version session'));
    const before = await version();
    for (const [table, write] of Object.entries(PRIVATE_WRITES)) {
      await client.query(write);
      expect(await version(), table).toBe(before);
    }
  });
});
