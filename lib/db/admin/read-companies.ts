import 'server-only';
import { requireRole } from '../../auth/session';
import { db } from '../client';

export interface AdminCompanyRow { id: number; slug: string; name: string; origin: string; status: string; plants: number; deleted: boolean; version: number }

export async function listAdminCompanies(opts: { q: string; deleted: boolean }): Promise<AdminCompanyRow[]> {
  await requireRole('viewer');
  const q = opts.q.trim();
  const rows = await db().company.findMany({
    where: {
      ...(opts.deleted ? { deletedAt: { not: null } } : { deletedAt: null }),
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' as const } }, { slug: { contains: q, mode: 'insensitive' as const } }] } : {}),
    },
    select: {
      id: true, slug: true, name: true, origin: true, status: true, deletedAt: true, version: true,
      _count: { select: { operated: { where: { deletedAt: null } } } },
    },
    orderBy: { name: 'asc' },
    take: 300,
  });
  return rows.map(({ _count, deletedAt, ...c }) => ({ ...c, plants: _count.operated, deleted: deletedAt !== null }));
}

export type CompanyFormValues = {
  name: string; slug: string; hqCountryId: string; origin: string; status: string; successorId: string;
  parentId: string; website: string; notes: string; version: string;
};

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export async function getCompanyForEdit(id: number): Promise<{ id: number; name: string; slug: string; deleted: boolean; values: CompanyFormValues } | null> {
  await requireRole('viewer');
  const c = await db().company.findUnique({ where: { id } });
  if (!c) return null;
  return {
    id: c.id, name: c.name, slug: c.slug, deleted: c.deletedAt !== null,
    values: {
      name: c.name, slug: c.slug, hqCountryId: s(c.hqCountryId), origin: c.origin, status: c.status,
      successorId: s(c.successorId), parentId: s(c.parentId), website: s(c.website), notes: s(c.notes), version: s(c.version),
    },
  };
}
