import 'server-only';
import { db } from './client';

export interface CompanyRef { slug: string; name: string; status: string }

export interface CompanyDetail {
  slug: string;
  name: string;
  origin: string;
  status: string;
  website: string | null;
  notes: string | null;
  hqCountry: { slug: string; name: string } | null;
  parent: CompanyRef | null;
  subsidiaries: CompanyRef[];
  /** Where the business went on (Northvolt → Lyten), and the companies it took over. */
  successor: CompanyRef | null;
  predecessors: CompanyRef[];
  operated: { slug: string; name: string; city: string; countryName: string; status: string; inCellTotals: boolean }[];
  partnerships: {
    slug: string; name: string; city: string; countryName: string; status: string;
    operator: { slug: string; name: string }; role: string; stakePct: number | null;
  }[];
}

const ref = { select: { slug: true, name: true, status: true } } as const;

/** A company with its group, succession, and the plants it operates or holds a stake in; null if unknown. */
export async function getCompany(slug: string): Promise<CompanyDetail | null> {
  const c = await db().company.findFirst({
    where: { slug, deletedAt: null },
    select: {
      slug: true, name: true, origin: true, status: true, website: true, notes: true,
      hqCountry: { select: { slug: true, name: true } },
      parent: ref,
      subsidiaries: { where: { deletedAt: null }, orderBy: { name: 'asc' }, ...ref },
      successor: ref,
      predecessors: { where: { deletedAt: null }, orderBy: { name: 'asc' }, ...ref },
      operated: {
        where: { deletedAt: null }, orderBy: { name: 'asc' },
        select: { slug: true, name: true, city: true, status: true, inCellTotals: true, country: { select: { name: true } } },
      },
      partnerships: {
        where: { plant: { deletedAt: null } }, orderBy: { plant: { name: 'asc' } },
        select: {
          role: true, stakePct: true,
          plant: { select: { slug: true, name: true, city: true, status: true, country: { select: { name: true } }, operator: { select: { slug: true, name: true } } } },
        },
      },
    },
  });
  if (!c) return null;
  return {
    ...c,
    operated: c.operated.map((p) => ({ slug: p.slug, name: p.name, city: p.city, status: p.status, inCellTotals: p.inCellTotals, countryName: p.country.name })),
    partnerships: c.partnerships.map((x) => ({
      slug: x.plant.slug, name: x.plant.name, city: x.plant.city, countryName: x.plant.country.name, status: x.plant.status,
      operator: x.plant.operator, role: x.role, stakePct: x.stakePct === null ? null : Number(x.stakePct),
    })),
  };
}
