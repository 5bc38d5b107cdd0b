import type { PlantExportRow } from '@/lib/db/export-plants';
import type { CsvCell } from '@/lib/csv';
import { explorerYears, type PlantFilters } from '@/lib/validation/plant-filters';

export interface ExportColumn { name: string; value: (row: PlantExportRow) => CsvCell | boolean }

/**
 * The download's columns: one row per plant, each figure followed by the URL of the source it
 * comes from. Column names carry their years (capacity_2028_gwh), so a file explains itself.
 */
export function exportColumns(f: PlantFilters, origin: string): ExportColumn[] {
  const years = explorerYears(f);
  const cols: ExportColumn[] = [
    { name: 'ref', value: (r) => r.ref },
    { name: 'name', value: (r) => r.name },
    { name: 'operator', value: (r) => r.operatorName },
    { name: 'operator_slug', value: (r) => r.operatorSlug },
    { name: 'operator_origin', value: (r) => r.origin },
    { name: 'partners', value: (r) => r.partners },
    { name: 'city', value: (r) => r.city },
    { name: 'region', value: (r) => r.regionName },
    { name: 'country_code', value: (r) => r.countryCode },
    { name: 'country', value: (r) => r.countryName },
    { name: 'status', value: (r) => r.status },
    { name: 'status_since', value: (r) => r.statusSince },
    { name: 'status_source_url', value: (r) => r.statusSourceUrl },
    { name: 'chemistry_family', value: (r) => r.chemistryFamily },
    { name: 'segment', value: (r) => r.segment },
    { name: 'start_year', value: (r) => r.startYear },
    { name: 'counted_in_cell_totals', value: (r) => r.inCellTotals },
    { name: 'now_year', value: () => years.now },
    { name: 'capacity_now_gwh', value: (r) => r.nowGwh },
    { name: 'capacity_now_source_url', value: (r) => r.nowSourceUrl },
  ];
  if (years.y !== years.y2030) {
    cols.push(
      { name: `capacity_${years.y}_gwh`, value: (r) => r.yearGwh },
      { name: `capacity_${years.y}_source_url`, value: (r) => r.yearSourceUrl },
    );
  }
  cols.push(
    { name: 'capacity_2030_gwh', value: (r) => r.y2030Gwh },
    { name: 'capacity_2030_source_url', value: (r) => r.y2030SourceUrl },
  );
  if (f.company.length) cols.push({ name: `share_attributed_${f.attribution}`, value: (r) => r.share });
  cols.push(
    { name: 'plant_source_urls', value: (r) => r.plantSourceUrls },
    { name: 'voltrack_url', value: (r) => `${origin}/plants/${r.slug}` },
  );
  return cols;
}

/** A cell for the CSV (booleans as true/false). */
export const csvCell = (v: CsvCell | boolean): CsvCell => (typeof v === 'boolean' ? String(v) : v);
