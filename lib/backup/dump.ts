// A complete, versioned JSON dump of the database's data, and its restore into an empty,
// migrated database. Generic over the schema: tables and their foreign keys come from the
// catalog, so new tables are included without code changes. Uses plain `pg` (no Prisma),
// so it runs from a CLI against DATABASE_URL or the embedded database.
import pg from 'pg';

export const DUMP_FORMAT = 'voltrack-dump/1';

export interface Dump {
  format: typeof DUMP_FORMAT;
  createdAt: string;
  /** The newest applied migration: a dump restores only into the same schema. */
  migration: string;
  tables: { name: string; columns: string[]; rows: unknown[][] }[];
}

interface TableInfo {
  name: string;
  columns: string[];
  /** Columns referencing the same table (tree parents, successors): parents are written first. */
  selfRefColumns: string[];
  dependsOn: string[];
}

// Derived tables that triggers keep (the capacity rule's steps and spans, and the data-version counter): a restore
// regenerates them as it inserts the data, so a dump leaves them out. Restoring them would race
// the triggers, and an old data_version would tell caches that nothing changed.
export const DERIVED_TABLES: ReadonlySet<string> = new Set([
  'plant_capacity_step', 'plant_status_span', 'plant_long_term_span', 'data_version',
]);
// page_cache holds rendered pages, not data (docs/decisions/005-page-cache.md).
const EXCLUDED = new Set(['_prisma_migrations', 'page_cache', ...DERIVED_TABLES]);

async function describeTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.table_name AS name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    GROUP BY c.table_name ORDER BY c.table_name`);
  const fks = await client.query<{ child: string; parent: string; columns: string[] }>(`
    SELECT con.conrelid::regclass::text AS child, con.confrelid::regclass::text AS parent,
           array_agg(a.attname::text) AS columns
    FROM pg_constraint con
    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
    WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
    GROUP BY con.oid, con.conrelid, con.confrelid`);
  return tables.rows
    .filter((t) => !EXCLUDED.has(t.name))
    .map((t) => {
      const own = fks.rows.filter((f) => f.child.replace(/"/g, '') === t.name);
      return {
        name: t.name,
        columns: t.columns,
        selfRefColumns: own.filter((f) => f.parent.replace(/"/g, '') === t.name).flatMap((f) => f.columns),
        dependsOn: own.map((f) => f.parent.replace(/"/g, '')).filter((p) => p !== t.name),
      };
    });
}

/** Parents before children. */
function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: string[]) => {
    if (done.has(t.name)) return;
    if (path.includes(t.name)) throw new Error(`foreign-key cycle: ${[...path, t.name].join(' → ')}`);
    for (const dep of t.dependsOn) {
      const parent = byName.get(dep);
      if (parent) visit(parent, [...path, t.name]);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, []);
  return out;
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export async function exportDump(url: string): Promise<Dump> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    // One snapshot for every table.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [migration] = (await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
       ORDER BY migration_name DESC LIMIT 1`)).rows;
    if (!migration) throw new Error('the database has no applied migrations');
    const tables = [];
    for (const t of inDependencyOrder(await describeTables(client))) {
      // Values as text (with JSON kept as JSON) so numerics, dates and bigints survive exactly.
      const select = t.columns.map((c) => `${quote(c)}::text`).join(', ');
      const result = await client.query({ text: `SELECT ${select} FROM ${quote(t.name)} ORDER BY 1`, rowMode: 'array' });
      tables.push({ name: t.name, columns: t.columns, rows: result.rows as unknown[][] });
    }
    await client.query('COMMIT');
    return { format: DUMP_FORMAT, createdAt: new Date().toISOString(), migration: migration.name, tables };
  } finally {
    await client.end();
  }
}

/**
 * Restores a dump into an empty database that has the same migrations applied. One
 * transaction: it all lands or nothing does. Sequences are moved past the restored ids.
 */
export async function importDump(url: string, dump: Dump): Promise<{ rows: number }> {
  if (dump?.format !== DUMP_FORMAT) throw new Error(`not a ${DUMP_FORMAT} file`);
  const client = new pg.Client(url);
  await client.connect();
  try {
    const [migration] = (await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
       ORDER BY migration_name DESC LIMIT 1`)).rows;
    if (migration?.name !== dump.migration) {
      throw new Error(`the dump is for schema ${dump.migration}; this database is at ${migration?.name ?? 'no migration'} (npm run db:import migrates an empty database to the dump's version first)`);
    }
    const tables = new Map((await describeTables(client)).map((t) => [t.name, t]));
    await client.query('BEGIN');
    for (const t of dump.tables) {
      const info = tables.get(t.name);
      if (!info) throw new Error(`table ${t.name} is not in this database`);
      const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(t.name)}`)).rows as [{ n: number }];
      if (n > 0) throw new Error(`table ${t.name} is not empty: restore only into an empty database`);
    }
    let total = 0;
    for (const t of dump.tables) {
      const info = tables.get(t.name)!;
      const types = await columnTypes(client, t.name);
      const rows = parentsFirst(t.columns, t.rows, info.selfRefColumns);
      for (let start = 0; start < rows.length; start += 500) {
        const batch = rows.slice(start, start + 500);
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${t.columns.map((c, i) => {
          values.push(row[i]);
          return `$${values.length}::${types.get(c)}`;
        }).join(', ')})`);
        await client.query(`INSERT INTO ${quote(t.name)} (${t.columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
      total += t.rows.length;
    }
    await resetSequences(client);
    await client.query('COMMIT');
    return { rows: total };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Rows of a table that references itself (region parents, company successors) ordered so a
 * referenced row comes before the rows that point at it: foreign keys hold after every batch.
 */
function parentsFirst(columns: string[], rows: unknown[][], selfRefColumns: string[]): unknown[][] {
  if (selfRefColumns.length === 0) return rows;
  const idIndex = columns.indexOf('id');
  const refIndexes = selfRefColumns.map((c) => columns.indexOf(c));
  const byId = new Map(rows.map((r) => [String(r[idIndex]), r]));
  const placed = new Set<string>();
  const out: unknown[][] = [];
  const place = (row: unknown[], depth: number) => {
    const id = String(row[idIndex]);
    if (placed.has(id)) return;
    if (depth > rows.length) throw new Error('self-reference cycle in dump');
    for (const i of refIndexes) {
      const parent = row[i] === null ? undefined : byId.get(String(row[i]));
      if (parent && parent !== row) place(parent, depth + 1);
    }
    placed.add(id);
    out.push(row);
  };
  for (const row of rows) place(row, 0);
  return out;
}

async function columnTypes(client: pg.ClientBase, table: string): Promise<Map<string, string>> {
  const rows = await client.query<{ column: string; type: string }>(`
    SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`, [quote(table)]);
  return new Map(rows.rows.map((r) => [r.column, r.type]));
}

async function resetSequences(client: pg.ClientBase) {
  const seqs = await client.query<{ table: string; column: string; seq: string }>(`
    SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
  for (const s of seqs.rows) {
    await client.query(`SELECT setval($1, COALESCE((SELECT MAX(${quote(s.column)}) FROM ${quote(s.table)}), 0) + 1, false)`, [s.seq]);
  }
}
