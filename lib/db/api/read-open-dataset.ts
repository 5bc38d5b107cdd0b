import 'server-only';
import { Prisma } from '../../generated/prisma/client';
import type { DatasetTableName } from '../../api/dataset-dictionary';

export type DatasetValue = string | number | boolean | null;
export type DatasetRow = Record<string, DatasetValue>;
/** A table's rows in batches, in the table's order; each call reads the table from its start. */
export type DatasetSource = (table: DatasetTableName) => AsyncIterable<DatasetRow[]> | Iterable<DatasetRow[]>;

const SOURCE_COLUMNS = Prisma.raw(`s.id AS source_id, s.url AS source_url, s.publisher AS source_publisher,
  s.title AS source_title, to_char(s.published_on, 'YYYY-MM-DD') AS source_published_on, s.tier::text AS source_tier`);
const d = (col: string) => Prisma.raw(`to_char(${col}, 'YYYY-MM-DD')`);
/** effective_on, date_precision, known_on of alias `x`. */
const DATED = (x: string) => Prisma.raw(`to_char(${x}.effective_on, 'YYYY-MM-DD') AS effective_on, ${x}.date_precision::text AS date_precision,
  to_char(${x}.known_on, 'YYYY-MM-DD') AS known_on`);

// Column names are the dictionary's (lib/api/dataset-dictionary.ts); soft-deleted rows are left out.
export const DATASET_QUERIES: Record<DatasetTableName, Prisma.Sql> = {
  plants: Prisma.sql`
    SELECT p.ref, p.slug, p.name, op.slug AS operator_slug, op.name AS operator, p.city, r.slug AS region_slug, r.name AS region,
           c.code AS country_code, c.name AS country, p.lat::float8 AS lat, p.lon::float8 AS lon,
           p.location_approximate, p.status::text AS status,
           (SELECT to_char(e.effective_on, 'YYYY-MM-DD') FROM plant_status_event e WHERE e.plant_id = p.id AND e.deleted_at IS NULL
             ORDER BY e.effective_on DESC, e.id DESC LIMIT 1) AS status_since,
           rd.plant_id IS NOT NULL AS review_due,
           p.chemistry, p.chemistry_family::text AS chemistry_family, p.segment::text AS segment, p.facility_type::text AS facility_type,
           p.in_cell_totals AS counted_in_cell_totals, p.start_year, p.confidence::text AS confidence, p.notes,
           (SELECT string_agg(s.id::text, ' ' ORDER BY s.id) FROM plant_source ps JOIN source s ON s.id = ps.source_id
             WHERE ps.plant_id = p.id AND s.deleted_at IS NULL) AS source_ids,
           (SELECT string_agg(s.url, ' ' ORDER BY s.id) FROM plant_source ps JOIN source s ON s.id = ps.source_id
             WHERE ps.plant_id = p.id AND s.deleted_at IS NULL AND s.url IS NOT NULL) AS source_urls
    FROM plant p JOIN company op ON op.id = p.operator_id JOIN region r ON r.id = p.region_id JOIN region c ON c.id = p.country_id
    LEFT JOIN plant_review_due(CURRENT_DATE) rd ON rd.plant_id = p.id
    WHERE p.deleted_at IS NULL ORDER BY p.ref`,
  capacity_announcements: Prisma.sql`
    SELECT a.ref, p.ref AS plant_ref, p.slug AS plant_slug, p.name AS plant, a.scope::text AS scope, a.target_year,
           a.gwh_per_year::float8 AS gwh_per_year, to_char(a.announced_on, 'YYYY-MM-DD') AS announced_on,
           a.date_precision::text AS date_precision, ${d('a.known_on')} AS known_on, a.confidence::text AS confidence,
           EXISTS (SELECT 1 FROM capacity_announcement l WHERE l.plant_id = a.plant_id AND l.scope = a.scope
             AND l.target_year IS NOT DISTINCT FROM a.target_year AND l.deleted_at IS NULL
             AND (l.announced_on, l.known_on, l.id) > (a.announced_on, a.known_on, a.id)) AS superseded,
           a.note, ${SOURCE_COLUMNS}
    FROM capacity_announcement a JOIN plant p ON p.id = a.plant_id LEFT JOIN source s ON s.id = a.source_id
    WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.ref, a.target_year NULLS LAST, a.announced_on, a.id`,
  status_events: Prisma.sql`
    SELECT e.ref, p.ref AS plant_ref, p.slug AS plant_slug, p.name AS plant, e.status::text AS status,
           ${DATED('e')}, e.note, ${SOURCE_COLUMNS}
    FROM plant_status_event e JOIN plant p ON p.id = e.plant_id LEFT JOIN source s ON s.id = e.source_id
    WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.ref, e.effective_on, e.id`,
  plant_operators: Prisma.sql`
    SELECT o.ref, p.ref AS plant_ref, p.slug AS plant_slug, co.slug AS company_slug, co.name AS company, ${DATED('o')}, o.note, ${SOURCE_COLUMNS}
    FROM plant_operator o JOIN plant p ON p.id = o.plant_id JOIN company co ON co.id = o.company_id LEFT JOIN source s ON s.id = o.source_id
    WHERE o.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.ref, o.effective_on, o.id`,
  contracts: Prisma.sql`
    SELECT c.ref, c.kind::text AS kind, c.status::text AS status, to_char(c.status_changed_on, 'YYYY-MM-DD') AS status_changed_on,
           su.slug AS supplier_slug, su.name AS supplier, bu.slug AS buyer_slug, bu.name AS buyer, p.slug AS plant_slug,
           to_char(c.signed_on, 'YYYY-MM-DD') AS signed_on, c.date_precision::text AS date_precision, c.start_year, c.end_year,
           c.duration_years, c.volume_gwh::float8 AS volume_gwh, c.volume_basis::text AS volume_basis,
           c.value_amount::float8 AS value_amount, c.value_currency, c.value_text, c.description, c.confidence::text AS confidence, c.notes,
           (SELECT string_agg(s.id::text, ' ' ORDER BY s.id) FROM contract_source cs JOIN source s ON s.id = cs.source_id
             WHERE cs.contract_id = c.id AND s.deleted_at IS NULL) AS source_ids,
           (SELECT string_agg(s.url, ' ' ORDER BY s.id) FROM contract_source cs JOIN source s ON s.id = cs.source_id
             WHERE cs.contract_id = c.id AND s.deleted_at IS NULL AND s.url IS NOT NULL) AS source_urls
    FROM contract c JOIN company su ON su.id = c.supplier_id JOIN company bu ON bu.id = c.buyer_id
    LEFT JOIN plant p ON p.id = c.plant_id AND p.deleted_at IS NULL
    WHERE c.deleted_at IS NULL ORDER BY c.ref`,
  contract_events: Prisma.sql`
    SELECT ce.ref, c.ref AS contract_ref, ce.status::text AS status, ${DATED('ce')}, ce.note, ${SOURCE_COLUMNS}
    FROM contract_event ce JOIN contract c ON c.id = ce.contract_id LEFT JOIN source s ON s.id = ce.source_id
    WHERE ce.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY c.ref, ce.effective_on, ce.id`,
  companies: Prisma.sql`
    SELECT co.slug, co.name, co.origin::text AS origin, co.status::text AS status, hq.code AS hq_country_code,
           su.slug AS successor_slug, co.website, co.notes
    FROM company co LEFT JOIN region hq ON hq.id = co.hq_country_id
    LEFT JOIN company su ON su.id = co.successor_id AND su.deleted_at IS NULL
    WHERE co.deleted_at IS NULL ORDER BY co.slug`,
  company_owners: Prisma.sql`
    SELECT co.slug AS company_slug, pa.slug AS owner_slug, l.stake_pct::float8 AS stake_pct, l.ended, ${DATED('l')}, l.note, ${SOURCE_COLUMNS}
    FROM company_parent l JOIN company co ON co.id = l.company_id JOIN company pa ON pa.id = l.parent_id
    LEFT JOIN source s ON s.id = l.source_id
    WHERE l.deleted_at IS NULL AND co.deleted_at IS NULL AND pa.deleted_at IS NULL ORDER BY co.slug, l.effective_on, pa.slug, l.id`,
  plant_partners: Prisma.sql`
    SELECT pp.ref, p.ref AS plant_ref, p.slug AS plant_slug, co.slug AS company_slug, co.name AS company, pp.role::text AS role,
           pp.stake_pct::float8 AS stake_pct, pp.ended, ${DATED('pp')}, pp.note, ${SOURCE_COLUMNS}
    FROM plant_partner pp JOIN plant p ON p.id = pp.plant_id JOIN company co ON co.id = pp.company_id LEFT JOIN source s ON s.id = pp.source_id
    WHERE pp.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.ref, pp.effective_on, co.slug, pp.id`,
  regions: Prisma.sql`
    SELECT r.slug, r.name, r.level::text AS level, r.code, pa.slug AS parent_slug, r.path
    FROM region r LEFT JOIN region pa ON pa.id = r.parent_id
    WHERE r.deleted_at IS NULL ORDER BY r.path`,
  region_claims: Prisma.sql`
    SELECT rc.ref, r.slug AS region_slug, rc.target_year, rc.gwh_per_year::float8 AS gwh_per_year, rc.claim,
           ${d('rc.known_on')} AS known_on, rc.verified, ${SOURCE_COLUMNS}
    FROM region_claim rc JOIN region r ON r.id = rc.region_id JOIN source s ON s.id = rc.source_id
    WHERE r.deleted_at IS NULL ORDER BY rc.ref`,
  tracker_figures: Prisma.sql`
    SELECT f.ref, f.publisher, f.metric, f.value::float8 AS value, f.unit, f.scope, f.note, ${d('f.known_on')} AS known_on, ${SOURCE_COLUMNS}
    FROM tracker_figure f JOIN source s ON s.id = f.source_id ORDER BY f.known_on, f.ref`,
  sources: Prisma.sql`
    SELECT s.id, s.url, s.publisher, s.title, s.language, s.tier::text AS tier, to_char(s.published_on, 'YYYY-MM-DD') AS published_on,
           s.date_precision::text AS date_precision, s.date_inferred, s.note
    FROM source s WHERE s.deleted_at IS NULL ORDER BY s.id`,
};
