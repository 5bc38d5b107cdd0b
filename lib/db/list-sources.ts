import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from './client';

export interface SourceRow {
  id: number;
  url: string | null;
  publisher: string;
  title: string;
  publishedOn: string | null;
  datePrecision: string;
  /** True when the date was deduced from the content or address rather than printed. */
  dateInferred: boolean;
  note: string | null;
}

/** Where the next page starts: the last row's publication date and id. */
export interface SourceKeyset { publishedOn: string | null; id: number }

/** Live sources, newest publication first (undated last), `limit` after `after`, with the total. */
export async function listSources(opts: { after: SourceKeyset | null; limit: number }): Promise<{ rows: SourceRow[]; total: number }> {
  const a = opts.after;
  const after = !a
    ? Prisma.empty
    : a.publishedOn === null
      ? Prisma.sql`AND s.published_on IS NULL AND s.id < ${a.id}::int`
      : Prisma.sql`AND (s.published_on < ${a.publishedOn}::date OR (s.published_on = ${a.publishedOn}::date AND s.id < ${a.id}::int) OR s.published_on IS NULL)`;
  const [rows, [count]] = await Promise.all([
    db().$queryRaw<SourceRow[]>`
      SELECT s.id, s.url, s.publisher, s.title, to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn",
             s.date_precision::text AS "datePrecision", s.date_inferred AS "dateInferred", s.note
      FROM source s
      WHERE s.deleted_at IS NULL ${after}
      ORDER BY s.published_on DESC NULLS LAST, s.id DESC
      LIMIT ${opts.limit}::int`,
    db().$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM source WHERE deleted_at IS NULL`,
  ]);
  return { rows, total: count?.n ?? 0 };
}
