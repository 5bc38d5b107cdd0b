// A loopback TCP proxy in front of the database, for fault tests: `cut()` drops every open
// connection and refuses new ones (the database "goes away"); `restore()` lets them through
// again; `stall()` keeps every connection open but forwards nothing (a hung host or link) until
// `resume()`. Works the same for a PostgreSQL server and the embedded PGlite server.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** The database URL rewritten to go through the proxy. */
  url: string;
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  stall: () => void;
  resume: () => void;
  close: () => Promise<void>;
  /** Connections currently open through the proxy. */
  readonly openConnections: number;
  /** Bytes sent from the app to the database so far. */
  readonly bytesToDatabase: number;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const sockets = new Set<net.Socket>();
  let bytesToDatabase = 0;
  let stalled = false;
  const held: (() => void)[] = [];
  const listen = (server: net.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const makeServer = () => net.createServer((client) => {
    const upstream = net.connect(targetPort, target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    // Forward by hand so a stall can hold bytes back (in order) without closing anything.
    const forward = (from: net.Socket, to: net.Socket, count: boolean) => from.on('data', (chunk: Buffer) => {
      const send = () => {
        if (count) bytesToDatabase += chunk.length;
        if (!to.destroyed) to.write(chunk);
      };
      if (stalled || held.length) held.push(send);
      else send();
    });
    forward(client, upstream, true);
    forward(upstream, client, false);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  let server = makeServer();
  const port = await listen(server, 0);
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    port,
    url: url.toString(),
    get openConnections() { return sockets.size / 2; },
    get bytesToDatabase() { return bytesToDatabase; },
    async cut() {
      const closed = closeServer();
      for (const s of sockets) s.destroy();
      await closed;
    },
    stall() { stalled = true; },
    resume() {
      stalled = false;
      for (const send of held.splice(0)) send();
    },
    async restore() {
      server = makeServer();
      await listen(server, port);
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await closeServer();
    },
  };
}
