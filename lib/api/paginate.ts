// Keyset paging for the short lists that the data layer returns whole (companies, regions): the
// rows are ordered by (key, id) in code-point order — PostgreSQL's "C" collation — and a page
// starts strictly after the cursor's (key, id), so it stays correct when rows are added.

/** Code-point order (what "C" collation gives UTF-8 text); JS `<` compares UTF-16 units instead. */
export function compareCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export interface KeyedPage<T> { rows: T[]; total: number; last: { key: string; id: string } | null }

export function pageAfter<T>(
  all: readonly T[],
  keyOf: (row: T) => { key: string; id: string },
  after: { key: string; id: string } | null,
  limit: number,
): KeyedPage<T> {
  const cmp = (a: { key: string; id: string }, b: { key: string; id: string }) =>
    compareCodePoints(a.key, b.key) || compareCodePoints(a.id, b.id);
  const sorted = [...all].sort((a, b) => cmp(keyOf(a), keyOf(b)));
  const start = after ? sorted.findIndex((row) => cmp(keyOf(row), after) > 0) : 0;
  const rows = start < 0 ? [] : sorted.slice(start, start + limit);
  const more = start >= 0 && start + limit < sorted.length;
  return { rows, total: all.length, last: more ? keyOf(rows.at(-1)!) : null };
}
