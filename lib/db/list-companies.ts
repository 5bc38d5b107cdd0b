import 'server-only';
import { db } from './client';

export interface CompanyListRow {
  slug: string;
  name: string;
  origin: string;
  status: string;
  hqCountry: string | null;
  operatedPlants: number;
  stakes: number;
  contracts: number;
  successor: { slug: string; name: string } | null;
}

/** Every company with what it is involved in: plants operated, stakes held, contracts (either side). */
export async function listCompanies(): Promise<CompanyListRow[]> {
  return db().$queryRaw<CompanyListRow[]>`
    SELECT co.slug, co.name, co.origin::text AS origin, co.status::text AS status, hq.name AS "hqCountry",
      (SELECT COUNT(*)::int FROM plant p WHERE p.operator_id = co.id AND p.deleted_at IS NULL) AS "operatedPlants",
      (SELECT COUNT(*)::int FROM plant_partners_on(CURRENT_DATE) pp JOIN plant p ON p.id = pp.plant_id
        WHERE pp.company_id = co.id AND p.deleted_at IS NULL) AS stakes,
      (SELECT COUNT(*)::int FROM contract c
        WHERE (c.supplier_id = co.id OR c.buyer_id = co.id) AND c.deleted_at IS NULL) AS contracts,
      CASE WHEN su.id IS NULL THEN NULL ELSE json_build_object('slug', su.slug, 'name', su.name) END AS successor
    FROM company co
    LEFT JOIN region hq ON hq.id = co.hq_country_id
    LEFT JOIN company su ON su.id = co.successor_id
    WHERE co.deleted_at IS NULL
    ORDER BY co.name COLLATE "C", co.slug`;
}
