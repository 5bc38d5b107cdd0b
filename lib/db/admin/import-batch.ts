import 'server-only';
import { Prisma, type Source } from '../../generated/prisma/client';
import { snapshot } from './audit';
import type { ApplyContext, SourcePick } from './import-context';
import { nextRef } from './references';
import type { Tx } from './transaction';

/**
 * Rows per statement. A plant row binds ~21 values, so 1,000 rows stay far below PostgreSQL's
 * 65,535 bind parameters, and each statement stays small enough to plan and send quickly.
 */
export const BATCH = 1000;

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type NewSource = Extract<SourcePick, { kind: 'new' }>;

/**
 * Creates the file's new sources, once per key, before any row that cites them, and queues their
 * audit rows. `sourceId` then resolves every row's pick without a query.
 */
export async function createSources(tx: Tx, run: ApplyContext, picks: readonly SourcePick[]): Promise<void> {
  const wanted = new Map<string, NewSource>();
  for (const p of picks) if (p?.kind === 'new' && !run.sourceIds.has(p.key)) wanted.set(p.key, p);
  for (const part of chunks([...wanted.values()])) {
    const created = await insertRows<Source>(tx, 'source', part.map((p) => ({
      url: p.cols.source_url, publisher: p.cols.source_publisher!, title: p.cols.source_title!,
      publishedOn: new Date(`${p.cols.source_published_on}T00:00:00Z`), language: p.cols.source_language, tier: p.cols.source_tier ?? 'trade',
    })));
    // The same key the planner gave the pick: the address.
    const byKey = new Map(created.map((s) => [s.url!, s]));
    for (const p of part) {
      const source = byKey.get(p.key)!;
      run.sourceIds.set(p.key, source.id);
      run.audits.push({ action: 'import', entityType: 'source', entityId: source.id, before: null, after: snapshot(source) });
    }
  }
}

/** The id of a row's source; new ones must have been created by `createSources` first. */
export function sourceId(run: ApplyContext, pick: SourcePick): number | null {
  if (!pick) return null;
  return pick.kind === 'existing' ? pick.id : run.sourceIds.get(pick.key)!;
}

export interface RowUpdate {
  id: number;
  /** The version the row had when it was planned; the update skips it if that moved. */
  version: number;
  /** Prisma field names → new values; undefined leaves a field as it is. */
  data: Record<string, unknown>;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const quoted = (name: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Not a column name: ${name}`);
  return `"${name}"`;
};

/** A value as json_populate_recordset reads it into the column's type. */
function jsonValue(v: unknown): unknown {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Prisma.Decimal.isDecimal(v)) return v.toString();
  return v;
}

/**
 * Updates many rows of a versioned table with one statement per chunk (and per set of fields):
 * the values travel as a single JSON parameter that json_populate_recordset casts to the table's
 * own column types, so there is no per-row round trip and no bind-parameter limit. Each updated
 * row's version goes up by one. Returns the ids NOT updated because their version moved or they
 * were deleted since they were read: the caller refuses the whole import.
 */
export async function updateRows(tx: Tx, table: 'plant' | 'contract', rows: readonly RowUpdate[]): Promise<number[]> {
  const groups = new Map<string, RowUpdate[]>();
  for (const r of rows) {
    const key = Object.keys(r.data).filter((k) => r.data[k] !== undefined).sort().join(',');
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const stale: number[] = [];
  for (const [key, group] of groups) {
    const fields = key.split(',').filter(Boolean);
    const set = fields.map((f) => `${quoted(snake(f))} = v.${quoted(snake(f))}`).concat('"version" = t."version" + 1', '"updated_at" = now()').join(', ');
    for (const part of chunks(group)) {
      const json = JSON.stringify(part.map((r) => Object.fromEntries([['id', r.id], ['version', r.version], ...fields.map((f) => [snake(f), jsonValue(r.data[f])])])));
      const updated = await tx.$queryRaw<{ id: number }[]>`
        UPDATE ${Prisma.raw(quoted(table))} AS t SET ${Prisma.raw(set)}
        FROM json_populate_recordset(NULL::${Prisma.raw(quoted(table))}, ${json}::json) AS v
        WHERE t."id" = v."id" AND t."version" = v."version" AND t."deleted_at" IS NULL
        RETURNING t."id"`;
      const done = new Set(updated.map((u) => Number(u.id)));
      for (const r of part) if (!done.has(r.id)) stale.push(r.id);
    }
  }
  return stale;
}

export type InsertTable = 'source' | 'plant' | 'plant_status_event' | 'plant_operator' | 'capacity_announcement' | 'contract' | 'contract_event';
// Tables whose updated_at Prisma stamps (@updatedAt) rather than a column default.
const STAMPED = new Set<InsertTable>(['source', 'plant', 'contract']);
const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Inserts rows (Prisma field names → values, the same fields in every row) with one statement
 * per chunk and returns the created records shaped as Prisma returns them (field names, Decimal,
 * Date), in input order. Like `updateRows`, the values travel as one JSON parameter cast to the
 * table's column types; Prisma's createManyAndReturn spent ~1 ms a row building and mapping.
 */
export async function insertRows<T>(tx: Tx, table: InsertTable, rows: readonly Record<string, unknown>[]): Promise<T[]> {
  if (rows.length === 0) return [];
  const fields = Object.keys(rows[0]!);
  const columns = fields.map((f) => quoted(snake(f)));
  const target = columns.concat(STAMPED.has(table) ? ['"updated_at"'] : []).join(', ');
  const values = columns.map((c) => `v.${c}`).concat(STAMPED.has(table) ? ['now()'] : []).join(', ');
  const out: T[] = [];
  for (const part of chunks(rows)) {
    const json = JSON.stringify(part.map((r) => Object.fromEntries(fields.map((f) => [snake(f), jsonValue(r[f])]))));
    const created = await tx.$queryRaw<Record<string, unknown>[]>`
      INSERT INTO ${Prisma.raw(quoted(table))} (${Prisma.raw(target)})
      SELECT ${Prisma.raw(values)} FROM json_populate_recordset(NULL::${Prisma.raw(quoted(table))}, ${json}::json) WITH ORDINALITY AS v
      ORDER BY v.ordinality
      RETURNING *`;
    for (const row of created) out.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v])) as T);
  }
  return out;
}

/**
 * The next free child ref ("FR-01/S3", "FR-01/O2", "OT-04/E2") of each parent ref, in the table
 * holding that kind of row, with one read for all of them.
 */
export async function nextChildRefs(
  tx: Tx, table: 'plant_status_event' | 'plant_operator' | 'contract_event', parentRefs: readonly string[], kind: 'S' | 'O' | 'E',
): Promise<Map<string, string>> {
  const marker = `/${kind}`;
  const prefixes = new Set(parentRefs.map((r) => `${r}${marker}`));
  const taken = new Map<string, string[]>();
  const where = { where: { ref: { contains: marker } }, select: { ref: true } };
  const rows = table === 'plant_status_event' ? await tx.plantStatusEvent.findMany(where)
    : table === 'plant_operator' ? await tx.plantOperator.findMany(where)
      : await tx.contractEvent.findMany(where);
  for (const { ref } of rows) {
    // Every "<prefix>/S" a ref starts with, as nextChildRef's startsWith would match it.
    for (let i = ref.indexOf(marker); i >= 0; i = ref.indexOf(marker, i + 1)) {
      const prefix = ref.slice(0, i + 2);
      if (!prefixes.has(prefix)) continue;
      const list = taken.get(prefix);
      if (list) list.push(ref);
      else taken.set(prefix, [ref]);
    }
  }
  return new Map(parentRefs.map((r) => [r, nextRef(`${r}${marker}`, taken.get(`${r}${marker}`) ?? [])]));
}

/** The next free status-event ref ("FR-01/S3") of each plant ref. */
export function nextStatusRefs(tx: Tx, plantRefs: readonly string[]): Promise<Map<string, string>> {
  return nextChildRefs(tx, 'plant_status_event', plantRefs, 'S');
}
