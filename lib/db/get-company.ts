import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from './client';

export interface CompanyRef { slug: string; name: string; status: string }
export interface CompanyLink extends CompanyRef {
  /** Percent held; null when not published. */
  stakePct: number | null;
  since: string;
}

interface PlantRef { slug: string; name: string; city: string; countryName: string; status: string; inCellTotals: boolean }

export interface CompanyDetail {
  slug: string;
  name: string;
  origin: string;
  status: string;
  website: string | null;
  notes: string | null;
  hqCountry: { slug: string; name: string } | null;
  /** The date the ownership below is read on. */
  asOf: string;
  /** Its owners on the as-of date (dated company links). */
  parents: CompanyLink[];
  /** Companies it owns a stake in on the as-of date. */
  subsidiaries: CompanyLink[];
  /** Where the business went on (Northvolt → Lyten), and the companies it took over. */
  successor: CompanyRef | null;
  predecessors: CompanyRef[];
  /** Plants it operated on the as-of date, with their status then. */
  operated: PlantRef[];
  /** Plants it operated earlier, and until when. */
  formerlyOperated: (PlantRef & { until: string; nowOperator: { slug: string; name: string } })[];
  /** Stakes it held on the as-of date in plants others operated. */
  partnerships: (PlantRef & { operator: { slug: string; name: string }; role: string; stakePct: number | null })[];
}

const ref = { select: { slug: true, name: true, status: true } } as const;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A company with its group, succession, and the plants it operates or holds a stake in on `asOf`; null if unknown. */
export async function getCompany(slug: string, asOf: string): Promise<CompanyDetail | null> {
  const c = await db().company.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true, slug: true, name: true, origin: true, status: true, website: true, notes: true,
      hqCountry: { select: { slug: true, name: true } },
      successor: ref,
      predecessors: { where: { deletedAt: null }, orderBy: { name: 'asc' }, ...ref },
    },
  });
  if (!c) return null;
  const d = Prisma.sql`${asOf}::date`;
  const [links, plants, partnerships] = await Promise.all([
    db().$queryRaw<{ side: 'parent' | 'child'; slug: string; name: string; status: string; stake: string | null; since: string }[]>`
      SELECT 'parent' AS side, o.slug, o.name, o.status::text AS status, l.stake_pct::text AS stake,
             (SELECT to_char(MIN(x.effective_on), 'YYYY-MM-DD') FROM company_parent x WHERE x.company_id = l.company_id AND x.parent_id = l.parent_id AND x.deleted_at IS NULL) AS since
      FROM company_parents_on(${d}) l JOIN company o ON o.id = l.parent_id AND o.deleted_at IS NULL WHERE l.company_id = ${c.id}
      UNION ALL
      SELECT 'child', o.slug, o.name, o.status::text, l.stake_pct::text,
             (SELECT to_char(MIN(x.effective_on), 'YYYY-MM-DD') FROM company_parent x WHERE x.company_id = l.company_id AND x.parent_id = l.parent_id AND x.deleted_at IS NULL)
      FROM company_parents_on(${d}) l JOIN company o ON o.id = l.company_id AND o.deleted_at IS NULL WHERE l.parent_id = ${c.id}
      ORDER BY 1, 3`,
    db().$queryRaw<(PlantRef & { operatedNow: boolean; until: string | null; nowSlug: string; nowName: string })[]>`
      SELECT p.slug, p.name, p.city, pc.name AS "countryName", COALESCE(st.status, p.status)::text AS status,
             p.in_cell_totals AS "inCellTotals", now.company_id = ${c.id} AS "operatedNow",
             to_char((SELECT MIN(n.effective_on) FROM plant_operator n WHERE n.plant_id = p.id AND n.deleted_at IS NULL
                      AND n.company_id <> ${c.id} AND n.effective_on > mine.last_on AND n.effective_on <= ${d}), 'YYYY-MM-DD') AS until,
             nc.slug AS "nowSlug", nc.name AS "nowName"
      FROM (SELECT o.plant_id, MAX(o.effective_on) AS last_on FROM plant_operator o
            WHERE o.company_id = ${c.id} AND o.deleted_at IS NULL AND o.effective_on <= ${d} AND o.known_on <= ${d} GROUP BY o.plant_id) mine
      JOIN plant p ON p.id = mine.plant_id AND p.deleted_at IS NULL
      JOIN region pc ON pc.id = p.country_id
      JOIN plant_operator_on(${d}) now ON now.plant_id = p.id
      JOIN company nc ON nc.id = now.company_id
      LEFT JOIN plant_status_on(${d}) st ON st.plant_id = p.id
      ORDER BY p.name`,
    db().$queryRaw<(PlantRef & { operatorSlug: string; operatorName: string; role: string; stake: string | null })[]>`
      SELECT p.slug, p.name, p.city, pc.name AS "countryName", COALESCE(st.status, p.status)::text AS status,
             p.in_cell_totals AS "inCellTotals", oc.slug AS "operatorSlug", oc.name AS "operatorName",
             pp.role::text AS role, pp.stake_pct::text AS stake
      FROM plant_partners_on(${d}) pp
      JOIN plant p ON p.id = pp.plant_id AND p.deleted_at IS NULL
      JOIN region pc ON pc.id = p.country_id
      JOIN plant_operator_on(${d}) o ON o.plant_id = p.id
      JOIN company oc ON oc.id = o.company_id
      LEFT JOIN plant_status_on(${d}) st ON st.plant_id = p.id
      WHERE pp.company_id = ${c.id}
      ORDER BY p.name`,
  ]);
  const link = (l: (typeof links)[number]): CompanyLink => ({ slug: l.slug, name: l.name, status: l.status, stakePct: num(l.stake), since: l.since });
  const plantRef = (p: PlantRef): PlantRef => ({ slug: p.slug, name: p.name, city: p.city, countryName: p.countryName, status: p.status, inCellTotals: p.inCellTotals });
  return {
    slug: c.slug, name: c.name, origin: c.origin, status: c.status, website: c.website, notes: c.notes,
    hqCountry: c.hqCountry, successor: c.successor, predecessors: c.predecessors, asOf,
    parents: links.filter((l) => l.side === 'parent').map(link),
    subsidiaries: links.filter((l) => l.side === 'child').map(link),
    operated: plants.filter((p) => p.operatedNow).map(plantRef),
    formerlyOperated: plants.filter((p) => !p.operatedNow).map((p) => ({
      ...plantRef(p), until: p.until ?? asOf, nowOperator: { slug: p.nowSlug, name: p.nowName },
    })),
    partnerships: partnerships.map((p) => ({
      ...plantRef(p), operator: { slug: p.operatorSlug, name: p.operatorName }, role: p.role, stakePct: num(p.stake),
    })),
  };
}
