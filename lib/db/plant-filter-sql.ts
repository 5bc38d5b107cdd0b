import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { DEFAULT_WEIGHTS } from '../domain/capacity';
import { explorerYears, type PlantFilters, type PlantSort } from '../validation/plant-filters';
import { attributionCte } from './attribution-sql';
import { plantYearsCte } from './capacity-sql';

/** `%text%` for ILIKE with the user's own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const round3 = (expr: Prisma.Sql) => Prisma.sql`ROUND((${expr})::numeric, 3)::float8`;

/** A plant's figure in one year from its py rows: 0 without a row, null when the row says "not disclosed". */
const inYear = (year: number) =>
  Prisma.sql`CASE WHEN COUNT(*) FILTER (WHERE year = ${year}::int) = 0 THEN 0 ELSE SUM(gwh) FILTER (WHERE year = ${year}::int) END`;

/**
 * `WITH …, f AS (…)`: every plant known on the as-of date that passes the filters, one row per
 * plant with its status and operator then, its capacity now / in year Y / in 2030 under the
 * scenario (plantYearsCte, which reads the capacity rule; null where not disclosed) and, when
 * companies are selected, the share of it attributed to them. Callers add ORDER BY / LIMIT /
 * aggregates on `f`.
 */
export function filteredPlantsSql(f: PlantFilters): Prisma.Sql {
  const years = explorerYears(f);
  const fromYear = Math.min(years.now, years.y, years.y2030);
  const toYear = Math.max(years.now, years.y, years.y2030);
  // Every filter but min/max is a condition on the plant (`p`) and its status (`st`), so it runs
  // twice: inside plantYearsCte, so capacity is computed for the matching plants only, and on
  // `allp`. Only min/max need the capacity itself and run on the materialised `allp` rows.
  const plantWhere: Prisma.Sql[] = [];
  if (f.region.length) {
    plantWhere.push(Prisma.sql`EXISTS (SELECT 1 FROM region fr JOIN region pr ON starts_with(pr.path, fr.path)
      WHERE fr.slug = ANY(${f.region}::text[]) AND pr.id = p.region_id)`);
  }
  if (f.country.length) plantWhere.push(Prisma.sql`p.country_id IN (SELECT fc.id FROM region fc WHERE fc.code = ANY(${f.country}::text[]))`);
  if (f.status.length) plantWhere.push(Prisma.sql`st.status = ANY(${f.status}::"PlantStatus"[])`);
  // Companies are the operator and partners on the as-of date (ownership is dated).
  const operatorIn = (companies: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM plant_operator_on(${f.asOf}::date) fo
      WHERE fo.plant_id = p.id AND fo.company_id IN (${companies}))`;
  const partnerIn = (companies: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM plant_partners_on(${f.asOf}::date) fp
      WHERE fp.plant_id = p.id AND fp.company_id IN (${companies}))`;
  if (f.company.length) {
    const chosen = Prisma.sql`SELECT fc.id FROM company fc WHERE fc.slug = ANY(${f.company}::text[])`;
    // By ultimate parent, a group's plants are also those of its subsidiaries (attr, below).
    const owned = f.attribution === 'parent'
      ? Prisma.sql` OR p.id IN (SELECT fa.plant_id FROM attr fa WHERE fa.company_id IN (${chosen}))`
      : Prisma.empty;
    plantWhere.push(Prisma.sql`(${operatorIn(chosen)} OR ${partnerIn(chosen)}${owned})`);
  }
  if (f.origin.length) plantWhere.push(operatorIn(Prisma.sql`SELECT oc.id FROM company oc WHERE oc.origin::text = ANY(${f.origin}::text[])`));
  if (f.chemistry.length) plantWhere.push(Prisma.sql`p.chemistry_family::text = ANY(${f.chemistry}::text[])`);
  if (f.segment.length) plantWhere.push(Prisma.sql`p.segment::text = ANY(${f.segment}::text[])`);
  if (f.q) {
    const like = containsPattern(f.q);
    const named = Prisma.sql`SELECT qc.id FROM company qc WHERE qc.name ILIKE ${like}`;
    plantWhere.push(Prisma.sql`(p.name ILIKE ${like} OR p.city ILIKE ${like} OR ${operatorIn(named)} OR ${partnerIn(named)})`);
  }
  const plantFilter = plantWhere.length ? Prisma.join(plantWhere, ' AND ') : undefined;
  const where: Prisma.Sql[] = [];
  if (f.min !== null) where.push(Prisma.sql`a."yearGwh" >= ${f.min}::float8`);
  if (f.max !== null) where.push(Prisma.sql`a."yearGwh" <= ${f.max}::float8`);
  // With companies selected, each row carries the share of it attributed to them (attribution-sql.ts).
  const selected = f.company.length > 0;
  const share = selected ? Prisma.sql`COALESCE(sel.share, 0)::float8` : Prisma.sql`NULL::float8`;
  const selectedShares = selected
    ? Prisma.sql`sel AS (
        SELECT a.plant_id, SUM(a.share) AS share
        FROM attr a JOIN company ac ON ac.id = a.company_id
        WHERE ac.slug = ANY(${f.company}::text[])
        GROUP BY a.plant_id
      ),`
    : Prisma.empty;
  // The operator column is the operator on the as-of date; the shares follow the chosen attribution.
  const operators = Prisma.sql`opn AS (SELECT o.plant_id, o.company_id FROM plant_operator_on(${f.asOf}::date) o),`;
  return Prisma.sql`
    WITH ${attributionCte(selected ? f.attribution : 'operator', f.asOf)},
    ${plantYearsCte({ scenario: f.scenario, asOf: f.asOf, fromYear, toYear, weights: DEFAULT_WEIGHTS, plantFilter })},
    ${operators}
    ${selectedShares}
    cap AS (
      SELECT plant_id, ${inYear(years.now)} AS now_gwh, ${inYear(years.y)} AS y_gwh, ${inYear(years.y2030)} AS y2030_gwh
      FROM py GROUP BY plant_id
    ),
    allp AS MATERIALIZED (
      SELECT p.id, p.ref, p.slug, p.name, p.city, c.code AS "countryCode", c.name AS "countryName",
             r.name AS "regionName", op.slug AS "operatorSlug", op.name AS "operatorName", op.origin::text AS origin,
             st.status, to_char(st.effective_on, 'YYYY-MM-DD') AS "statusSince",
             p.chemistry_family::text AS "chemistryFamily", p.segment::text AS segment, p.start_year AS "startYear",
             p.in_cell_totals AS "inCellTotals",
             ${round3(Prisma.sql`CASE WHEN cap.plant_id IS NULL THEN 0 ELSE cap.now_gwh END`)} AS "nowGwh",
             ${round3(Prisma.sql`CASE WHEN cap.plant_id IS NULL THEN 0 ELSE cap.y_gwh END`)} AS "yearGwh",
             ${round3(Prisma.sql`CASE WHEN cap.plant_id IS NULL THEN 0 ELSE cap.y2030_gwh END`)} AS "y2030Gwh",
             ${share} AS share,
             rd.plant_id IS NOT NULL AS "reviewDue",
             r.path AS region_path
      FROM plant p
      JOIN st ON st.plant_id = p.id
      JOIN opn ON opn.plant_id = p.id
      JOIN company op ON op.id = opn.company_id
      JOIN region c ON c.id = p.country_id
      JOIN region r ON r.id = p.region_id
      LEFT JOIN cap ON cap.plant_id = p.id
      LEFT JOIN plant_review_due(${f.asOf}::date) rd ON rd.plant_id = p.id
      ${selected ? Prisma.sql`LEFT JOIN sel ON sel.plant_id = p.id` : Prisma.empty}
      WHERE p.deleted_at IS NULL ${plantFilter ? Prisma.sql`AND ${plantFilter}` : Prisma.empty}
    ),
    f AS (
      SELECT a.id, a.ref, a.slug, a.name, a.city, a."countryCode", a."countryName", a."regionName", a."operatorSlug",
             a."operatorName", a.origin, a.status, a."statusSince", a."chemistryFamily", a.segment, a."startYear",
             a."inCellTotals", a."nowGwh", a."yearGwh", a."y2030Gwh", a.share, a."reviewDue"
      FROM allp a
      ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}
    )`;
}

interface SortKey { expr: Prisma.Sql; dir: 'asc' | 'desc'; nullable: boolean; cast: string; pick: (r: KeysetRow) => string | number | null }
export interface KeysetRow { id: number; name: string; countryName: string; operatorName: string; status: string; nowGwh: number | null; yearGwh: number | null; startYear: number | null }

const SORT_EXPR: Record<PlantSort, { expr: Prisma.Sql; nullable: boolean; cast: string; pick: SortKey['pick'] }> = {
  name: { expr: Prisma.sql`f.name COLLATE "C"`, nullable: false, cast: 'text', pick: (r) => r.name },
  country: { expr: Prisma.sql`f."countryName" COLLATE "C"`, nullable: false, cast: 'text', pick: (r) => r.countryName },
  operator: { expr: Prisma.sql`f."operatorName" COLLATE "C"`, nullable: false, cast: 'text', pick: (r) => r.operatorName },
  status: { expr: Prisma.sql`f.status`, nullable: false, cast: '"PlantStatus"', pick: (r) => r.status },
  now: { expr: Prisma.sql`f."nowGwh"`, nullable: true, cast: 'float8', pick: (r) => r.nowGwh },
  year: { expr: Prisma.sql`f."yearGwh"`, nullable: true, cast: 'float8', pick: (r) => r.yearGwh },
  start: { expr: Prisma.sql`f."startYear"`, nullable: true, cast: 'int', pick: (r) => r.startYear },
};

/** The sort column, then name A→Z, then id: a total order, so pages never overlap or skip. */
function sortKeys(sort: PlantSort, dir: 'asc' | 'desc'): SortKey[] {
  const name = { ...SORT_EXPR.name, dir: 'asc' as const };
  const id: SortKey = { expr: Prisma.sql`f.id`, dir: 'asc', nullable: false, cast: 'int', pick: (r) => r.id };
  return sort === 'name' ? [{ ...name, dir }, id] : [{ ...SORT_EXPR[sort], dir }, name, id];
}

export function orderBySql(sort: PlantSort, dir: 'asc' | 'desc'): Prisma.Sql {
  return Prisma.join(sortKeys(sort, dir).map((k) =>
    Prisma.sql`${k.expr} ${Prisma.raw(k.dir === 'asc' ? 'ASC' : 'DESC')}${Prisma.raw(k.nullable ? ' NULLS LAST' : '')}`));
}

/** Rows strictly after `last` in the order of orderBySql (keyset pagination; nulls sort last). */
export function keysetAfterSql(sort: PlantSort, dir: 'asc' | 'desc', last: KeysetRow): Prisma.Sql {
  const build = (keys: SortKey[]): Prisma.Sql => {
    const [k, ...rest] = keys;
    if (!k) return Prisma.sql`FALSE`;
    const v = k.pick(last);
    const param = Prisma.sql`${v}::${Prisma.raw(k.cast)}`;
    const tie = rest.length ? build(rest) : Prisma.sql`FALSE`;
    if (v === null) return Prisma.sql`(${k.expr} IS NULL AND ${tie})`;
    const beyond = Prisma.sql`${k.expr} ${Prisma.raw(k.dir === 'asc' ? '>' : '<')} ${param}`;
    const orNull = k.nullable ? Prisma.sql` OR ${k.expr} IS NULL` : Prisma.empty;
    return Prisma.sql`(${beyond}${orNull} OR (${k.expr} = ${param} AND ${tie}))`;
  };
  return build(sortKeys(sort, dir));
}
