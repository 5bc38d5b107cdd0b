// The embedded database serves many connections from one PGlite session. Each connection's
// parameterised queries (Parse, Bind, Execute, Sync) must reach it together, also while another
// connection runs transactions — the pattern of a page that runs a short transaction while its
// other queries wait (lib/embedded/pglite-server.ts keepExtendedQueriesTogether).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedServer, startEmbeddedServer } from '@/lib/embedded/pglite-server';

let server: EmbeddedServer;
beforeAll(async () => {
  server = await startEmbeddedServer();
}, 60_000);
afterAll(() => server?.stop());

describe('the embedded server under concurrent connections', () => {
  it('keeps every connection’s parameterised queries intact while another runs transactions', async () => {
    const clients = Array.from({ length: 8 }, () => new pg.Client(server.url));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const [writer, ...readers] = clients as [pg.Client, ...pg.Client[]];
      let stop = false;
      const transactions = (async () => {
        let n = 0;
        while (!stop) {
          await writer.query('BEGIN');
          await writer.query('SELECT $1::int AS n', [n]);
          await writer.query('COMMIT');
          n++;
        }
        return n;
      })();
      // Different parameter counts, so a Bind meeting another connection's Parse would fail.
      const results = await Promise.all(readers.map(async (client, r) => {
        const wrong: string[] = [];
        for (let i = 0; i < 150; i++) {
          const params = Array.from({ length: r + 1 }, (_, k) => i * 10 + k);
          const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(' + ')} AS sum`;
          const { rows } = await client.query(sql, params);
          const expected = params.reduce((a, b) => a + b, 0);
          if (rows[0].sum !== expected) wrong.push(`${sql} ${params} → ${rows[0].sum}`);
        }
        return wrong;
      }));
      stop = true;
      expect(await transactions).toBeGreaterThan(0);
      expect(results.flat()).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  }, 120_000);

  it('lets the others go on when a connection leaves in the middle of an exchange', async () => {
    const leaving = new pg.Client(server.url);
    const staying = new pg.Client(server.url);
    leaving.on('error', () => undefined);
    await Promise.all([leaving.connect(), staying.connect()]);
    const pending = leaving.query('SELECT pg_sleep(0.05), $1::int AS n', [1]).catch(() => null);
    const other = staying.query('SELECT $1::int + $2::int AS n', [2, 3]);
    (leaving as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    await pending;
    expect((await other).rows[0].n).toBe(5);
    expect((await staying.query('SELECT $1::text AS t', ['still here'])).rows[0].t).toBe('still here');
    await staying.end();
    await leaving.end().catch(() => undefined);
  }, 60_000);
});
