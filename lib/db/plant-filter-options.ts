import 'server-only';
import { db } from './client';

export interface PlantFilterOptions {
  /** Regions at every level that contain a plant, in tree order, with their depth (0 = macro). */
  regions: { slug: string; name: string; depth: number }[];
  countries: { code: string; name: string }[];
  /** Companies that operate or operated a plant, hold or held a share in one, or own such a company. */
  companies: { slug: string; name: string }[];
}

/** The choices the explorer's filters offer, and the references its URLs may use. */
export async function getPlantFilterOptions(): Promise<PlantFilterOptions> {
  const [regions, countries, companies] = await Promise.all([
    db().$queryRaw<{ slug: string; name: string; path: string }[]>`
      SELECT r.slug, r.name, r.path
      FROM region r
      WHERE r.deleted_at IS NULL AND EXISTS (
        SELECT 1 FROM plant p JOIN region pr ON pr.id = p.region_id
        WHERE p.deleted_at IS NULL AND starts_with(pr.path, r.path))
      ORDER BY r.path`,
    db().$queryRaw<{ code: string; name: string }[]>`
      SELECT DISTINCT c.code, c.name
      FROM plant p JOIN region c ON c.id = p.country_id
      WHERE p.deleted_at IS NULL AND c.code IS NOT NULL
      ORDER BY c.name`,
    db().$queryRaw<{ slug: string; name: string }[]>`
      SELECT co.slug, co.name FROM company co
      WHERE co.deleted_at IS NULL AND (
        EXISTS (SELECT 1 FROM plant_operator o JOIN plant p ON p.id = o.plant_id
                WHERE o.company_id = co.id AND o.deleted_at IS NULL AND p.deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM plant_partner pp JOIN plant p ON p.id = pp.plant_id
                   WHERE pp.company_id = co.id AND pp.deleted_at IS NULL AND p.deleted_at IS NULL)
        OR EXISTS (SELECT 1 FROM company_parent l WHERE l.parent_id = co.id AND l.deleted_at IS NULL))
      ORDER BY co.name`,
  ]);
  return {
    regions: regions.map((r) => ({ slug: r.slug, name: r.name, depth: r.path.split('/').filter(Boolean).length - 1 })),
    countries,
    companies,
  };
}
