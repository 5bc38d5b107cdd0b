import 'server-only';
import { requireRole } from '../../auth/session';
import { db } from '../client';

export interface AdminSourceRow { id: number; publisher: string; title: string; url: string | null; publishedOn: string | null; deleted: boolean; version: number }

export async function listAdminSources(opts: { q: string; deleted: boolean }): Promise<AdminSourceRow[]> {
  await requireRole('viewer');
  const q = opts.q.trim();
  const contains = { contains: q, mode: 'insensitive' as const };
  const rows = await db().source.findMany({
    where: {
      ...(opts.deleted ? { deletedAt: { not: null } } : { deletedAt: null }),
      ...(q ? { OR: [{ publisher: contains }, { title: contains }, { url: contains }] } : {}),
    },
    select: { id: true, publisher: true, title: true, url: true, publishedOn: true, deletedAt: true, version: true },
    orderBy: [{ publishedOn: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    take: 300,
  });
  return rows.map((r) => ({
    id: r.id, publisher: r.publisher, title: r.title, url: r.url, publishedOn: r.publishedOn?.toISOString().slice(0, 10) ?? null,
    deleted: r.deletedAt !== null, version: r.version,
  }));
}

export type SourceFormValues = Record<'url' | 'publisher' | 'title' | 'publishedOn' | 'datePrecision' | 'note' | 'version', string>;

export async function getSourceForEdit(id: number): Promise<{ id: number; title: string; deleted: boolean; values: SourceFormValues } | null> {
  await requireRole('viewer');
  const r = await db().source.findUnique({ where: { id } });
  if (!r) return null;
  return {
    id: r.id, title: r.title, deleted: r.deletedAt !== null,
    values: {
      url: r.url ?? '', publisher: r.publisher, title: r.title, publishedOn: r.publishedOn?.toISOString().slice(0, 10) ?? '',
      datePrecision: r.datePrecision, note: r.note ?? '', version: String(r.version),
    },
  };
}
