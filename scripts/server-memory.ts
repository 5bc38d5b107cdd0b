// The app server's memory bound. V8 grows its heap lazily up to a limit that depends on the
// machine (several GB here), so under load the server's resident memory kept rising (578 MB in
// bench/report.md before this) although what it holds is far smaller. A limit makes it collect
// sooner. Every server path keeps its working set bounded (downloads and exports stream in
// batches), so 256 MB of old space is enough at 20,000 plants; SERVER_HEAP_MB changes it, and an
// explicit --max-old-space-size in NODE_OPTIONS wins. The Dockerfile sets the same default.
export const DEFAULT_SERVER_HEAP_MB = 256;

/** NODE_OPTIONS for the `next start` process: the caller's, plus the heap limit unless it sets one. */
export function serverNodeOptions(env: Record<string, string | undefined> = process.env): string {
  const current = env.NODE_OPTIONS?.trim() ?? '';
  if (/--max-old-space-size[= ]/.test(current)) return current;
  const text = env.SERVER_HEAP_MB || String(DEFAULT_SERVER_HEAP_MB);
  const mb = Number(text);
  if (!/^\d+$/.test(text) || mb < 128) throw new Error(`SERVER_HEAP_MB must be a whole number of megabytes ≥ 128, not “${env.SERVER_HEAP_MB}”`);
  return `${current} --max-old-space-size=${mb}`.trim();
}
