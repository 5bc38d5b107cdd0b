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
  website: string; notes: string; version: string;
};

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export interface CompanyLinkFact {
  id: number; company: string; stakePct: number | null; ended: boolean; effectiveOn: string; knownOn: string;
  source: string | null; note: string | null; deleted: boolean;
}
export interface CompanyForEdit {
  id: number; name: string; slug: string; deleted: boolean; values: CompanyFormValues;
  /** Its owners' stakes over time (newest first): `company` is the owner. */
  owners: CompanyLinkFact[];
  /** Its own stakes in other companies over time: `company` is the one owned. */
  holdings: CompanyLinkFact[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function getCompanyForEdit(id: number): Promise<CompanyForEdit | null> {
  await requireRole('viewer');
  const include = { source: { select: { publisher: true, title: true } } } as const;
  const order = [{ effectiveOn: 'desc' as const }, { id: 'desc' as const }];
  const c = await db().company.findUnique({
    where: { id },
    include: {
      parentLinks: { orderBy: order, include: { ...include, parent: { select: { name: true } } } },
      childLinks: { orderBy: order, include: { ...include, company: { select: { name: true } } } },
    },
  });
  if (!c) return null;
  const fact = (l: Omit<(typeof c.parentLinks)[number], 'parent'>, company: string): CompanyLinkFact => ({
    id: l.id, company, stakePct: l.stakePct === null ? null : Number(l.stakePct), ended: l.ended,
    effectiveOn: day(l.effectiveOn), knownOn: day(l.knownOn), source: l.source ? `${l.source.publisher} — ${l.source.title}` : null,
    note: l.note, deleted: l.deletedAt !== null,
  });
  return {
    id: c.id, name: c.name, slug: c.slug, deleted: c.deletedAt !== null,
    owners: c.parentLinks.map((l) => fact(l, l.parent.name)),
    holdings: c.childLinks.map((l) => fact(l, l.company.name)),
    values: {
      name: c.name, slug: c.slug, hqCountryId: s(c.hqCountryId), origin: c.origin, status: c.status,
      successorId: s(c.successorId), website: s(c.website), notes: s(c.notes), version: s(c.version),
    },
  };
}
