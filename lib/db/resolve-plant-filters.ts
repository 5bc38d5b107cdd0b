import 'server-only';
import { dropUnknownRefs, parsePlantFilters, type PlantFilters } from '../validation/plant-filters';
import type { RawSearchParams } from '../validation/search-params';
import { getPlantFilterOptions, type PlantFilterOptions } from './plant-filter-options';

/**
 * The explorer's URL as filters the database can answer: parsed field by field, then region,
 * company and country references checked against what exists. Every dropped value is a notice.
 * The page and the export both use it, so a download holds exactly the rows the page counts.
 */
export async function resolvePlantFilters(raw: RawSearchParams, today: string): Promise<{
  filters: PlantFilters; notices: string[]; options: PlantFilterOptions;
}> {
  const parsed = parsePlantFilters(raw, today);
  const options = await getPlantFilterOptions();
  const known = dropUnknownRefs(parsed.filters, {
    regions: new Set(options.regions.map((r) => r.slug)),
    companies: new Set(options.companies.map((c) => c.slug)),
    countries: new Set(options.countries.map((c) => c.code)),
  });
  return { filters: known.filters, notices: [...parsed.notices, ...known.notices], options };
}
