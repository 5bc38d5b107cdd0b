// The CSV twin of each list endpoint: one row per JSON row, nested objects spelled out as
// columns (supplier_slug, supplier_name), lists joined by spaces, booleans as true/false.
import type { CapacityPoint } from '../db/capacity-series';
import type { ChangeRow } from '../db/list-changes';
import type { CompanyListRow } from '../db/list-companies';
import type { ContractListRow } from '../db/list-contracts';
import type { PlantListRow } from '../db/list-plants';
import type { SourceRow } from '../db/list-sources';
import type { RegionListItem } from '../db/regions';
import type { CsvCell } from '../csv';
import type { CsvTable } from './with-api';

type Column<T> = [name: string, value: (row: T) => CsvCell | boolean];

function table<T>(filename: string, columns: Column<T>[], rows: readonly T[]): CsvTable {
  return {
    filename,
    header: columns.map(([name]) => name),
    rows: rows.map((row) => columns.map(([, value]) => {
      const v = value(row);
      return typeof v === 'boolean' ? String(v) : v;
    })),
  };
}

export function plantsCsv(rows: readonly PlantListRow[], years: { now: number; y: number }): CsvTable {
  return table<PlantListRow>('plants.csv', [
    ['ref', (r) => r.ref], ['slug', (r) => r.slug], ['name', (r) => r.name], ['city', (r) => r.city],
    ['country_code', (r) => r.countryCode], ['country', (r) => r.countryName], ['region', (r) => r.regionName],
    ['operator_slug', (r) => r.operatorSlug], ['operator', (r) => r.operatorName], ['operator_origin', (r) => r.origin],
    ['status', (r) => r.status], ['status_since', (r) => r.statusSince], ['chemistry_family', (r) => r.chemistryFamily],
    ['segment', (r) => r.segment], ['start_year', (r) => r.startYear], ['counted_in_cell_totals', (r) => r.inCellTotals],
    ['now_year', () => years.now], ['capacity_now_gwh', (r) => r.nowGwh],
    // Column names carry their years (as the explorer's download does); year Y only when it is not 2030.
    ...(years.y !== 2030 ? [[`capacity_${years.y}_gwh`, (r: PlantListRow) => r.yearGwh] as Column<PlantListRow>] : []),
    ['capacity_2030_gwh', (r) => r.y2030Gwh], ['share_attributed', (r) => r.share],
  ], rows);
}

export function capacityCsv(rows: readonly CapacityPoint[]): CsvTable {
  return table<CapacityPoint>('capacity.csv', [
    ['key', (r) => r.key], ['label', (r) => r.label], ['year', (r) => r.year], ['gwh_per_year', (r) => r.gwh],
    ['undisclosed_plants', (r) => r.undisclosedPlants],
  ], rows);
}

export function companiesCsv(rows: readonly CompanyListRow[]): CsvTable {
  return table<CompanyListRow>('companies.csv', [
    ['slug', (r) => r.slug], ['name', (r) => r.name], ['origin', (r) => r.origin], ['status', (r) => r.status],
    ['hq_country', (r) => r.hqCountry], ['plants_operated', (r) => r.operatedPlants], ['stakes', (r) => r.stakes],
    ['contracts', (r) => r.contracts], ['successor_slug', (r) => r.successor?.slug ?? null],
  ], rows);
}

export function regionsCsv(rows: readonly RegionListItem[]): CsvTable {
  return table<RegionListItem>('regions.csv', [
    ['slug', (r) => r.slug], ['name', (r) => r.name], ['level', (r) => r.level], ['path', (r) => r.path], ['plants', (r) => r.plantCount],
  ], rows);
}

export function contractsCsv(rows: readonly ContractListRow[]): CsvTable {
  return table<ContractListRow>('contracts.csv', [
    ['ref', (r) => r.ref], ['kind', (r) => r.kind], ['status', (r) => r.status], ['status_changed_on', (r) => r.statusChangedOn],
    ['supplier_slug', (r) => r.supplier.slug], ['supplier', (r) => r.supplier.name],
    ['buyer_slug', (r) => r.buyer.slug], ['buyer', (r) => r.buyer.name],
    ['plant_slug', (r) => r.plant?.slug ?? null], ['plant', (r) => r.plant?.name ?? null],
    ['signed_on', (r) => r.signedOn], ['date_precision', (r) => r.datePrecision], ['start_year', (r) => r.startYear],
    ['end_year', (r) => r.endYear], ['duration_years', (r) => r.durationYears], ['volume_gwh', (r) => r.volumeGwh],
    ['volume_basis', (r) => r.volumeBasis], ['value', (r) => r.valueText], ['description', (r) => r.description],
    ['source_urls', (r) => r.sources.flatMap((s) => (s.url ? [s.url] : [])).join(' ') || null],
  ], rows);
}

export function sourcesCsv(rows: readonly SourceRow[]): CsvTable {
  return table<SourceRow>('sources.csv', [
    ['id', (r) => r.id], ['url', (r) => r.url], ['publisher', (r) => r.publisher], ['title', (r) => r.title],
    ['published_on', (r) => r.publishedOn], ['date_precision', (r) => r.datePrecision], ['date_inferred', (r) => r.dateInferred],
    ['note', (r) => r.note],
  ], rows);
}

export function changesCsv(rows: readonly ChangeRow[]): CsvTable {
  return table<ChangeRow>('changes.csv', [
    ['id', (r) => r.id], ['kind', (r) => r.kind], ['date', (r) => r.date], ['known_on', (r) => r.knownOn], ['plant_slug', (r) => r.plant?.slug ?? null],
    ['plant', (r) => r.plant?.name ?? null], ['status', (r) => r.status], ['previous_status', (r) => r.previousStatus],
    ['scope', (r) => r.scope], ['target_year', (r) => r.targetYear], ['gwh_per_year', (r) => r.gwh],
    ['previous_gwh_per_year', (r) => r.previousGwh], ['operator', (r) => r.operator?.name ?? null],
    ['previous_operator', (r) => r.previousOperator?.name ?? null], ['contract_ref', (r) => r.contract?.ref ?? null],
    ['supplier', (r) => r.contract?.supplier.name ?? null], ['buyer', (r) => r.contract?.buyer.name ?? null],
    ['source_url', (r) => r.source?.url ?? null], ['source_publisher', (r) => r.source?.publisher ?? null],
    ['source_title', (r) => r.source?.title ?? null],
  ], rows);
}
