import 'server-only';
import { requireRole } from '../../auth/session';
import { db } from '../client';

export interface AdminRegionRow { id: number; slug: string; name: string; level: string; code: string | null; depth: number; plants: number; deleted: boolean; version: number }

/** Every region in tree order (by path), with its plant count. */
export async function listAdminRegions(opts: { deleted: boolean }): Promise<AdminRegionRow[]> {
  await requireRole('viewer');
  const rows = await db().region.findMany({
    where: opts.deleted ? { deletedAt: { not: null } } : { deletedAt: null },
    select: {
      id: true, slug: true, name: true, level: true, code: true, path: true, deletedAt: true, version: true,
      _count: { select: { plants: { where: { deletedAt: null } } } },
    },
    orderBy: { path: 'asc' },
  });
  return rows.map((r) => ({
    id: r.id, slug: r.slug, name: r.name, level: r.level, code: r.code, depth: r.path.split('/').filter(Boolean).length - 1,
    plants: r._count.plants, deleted: r.deletedAt !== null, version: r.version,
  }));
}

export async function getRegionForEdit(id: number): Promise<{ id: number; name: string; level: string; path: string; deleted: boolean; values: { name: string; code: string; version: string } } | null> {
  await requireRole('viewer');
  const r = await db().region.findUnique({ where: { id } });
  if (!r) return null;
  return { id: r.id, name: r.name, level: r.level, path: r.path, deleted: r.deletedAt !== null, values: { name: r.name, code: r.code ?? '', version: String(r.version) } };
}
