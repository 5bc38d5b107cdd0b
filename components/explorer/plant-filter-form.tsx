import Link from 'next/link';
import type { PlantFilterOptions } from '@/lib/db/plant-filter-options';
import { SCENARIO_LABELS, SCENARIOS } from '@/lib/domain/capacity';
import { CHEMISTRY_LABELS, ORIGIN_LABELS } from '@/lib/domain/labels';
import { PLANT_STATUSES, STATUS_LABELS } from '@/lib/domain/plant-status';
import { EARLIEST_AS_OF } from '@/lib/validation/dashboard';
import { ATTRIBUTION_LABELS, ATTRIBUTIONS, PAGE_SIZES, type PlantFilters } from '@/lib/validation/plant-filters';
import { CompanyPicker } from './company-picker';
import { SEGMENT_LABELS } from './labels';
import styles from './explorer.module.css';

function CheckGroup({ name, legend, values, labels, selected }: {
  name: string; legend: string; values: readonly string[]; labels: Record<string, string>; selected: readonly string[];
}) {
  return (
    <fieldset className={styles.group}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}><input type="checkbox" name={name} value={v} defaultChecked={selected.includes(v)} /> {labels[v] ?? v}</label>
      ))}
    </fieldset>
  );
}

/**
 * Only the selected companies are in the page, as ticked checkboxes; the picker fetches the names
 * to add from the API, so the page does not grow with the number of companies.
 */
function CompanyFilter({ selected, companies }: { selected: readonly string[]; companies: PlantFilterOptions['companies'] }) {
  const names = new Map(companies.map((c) => [c.slug, c.name]));
  return (
    <fieldset className={styles.group}>
      <legend>Company (operator or partner)</legend>
      {selected.map((slug) => (
        <label key={slug}><input type="checkbox" name="company" value={slug} defaultChecked /> {names.get(slug) ?? slug}</label>
      ))}
      {/* Remounted when the applied selection changes, so companies it added are not listed twice. */}
      <CompanyPicker key={selected.join(' ')} hintId="company-hint" />
      <p id="company-hint" className={styles.hint}>
        Type part of a name and pick a suggestion to add a company; untick one to remove it. A plant matches any ticked
        company. Without JavaScript, find a company’s plants with “Search plant, city or company” above.
      </p>
    </fieldset>
  );
}

const indent = (depth: number) => '\u00a0\u00a0'.repeat(depth);

/**
 * The explorer's filters as a GET form: applying it loads a URL that holds the whole view, so
 * links can be shared and back/forward work. Sorting is kept; paging restarts at page 1.
 */
export function PlantFilterForm({ filters, options, today }: { filters: PlantFilters; options: PlantFilterOptions; today: string }) {
  return (
    <form method="get" action="/plants" className={styles.filters} aria-label="Filter plants">
      <label className={styles.wide}>
        Search plant, city or company
        <input type="search" name="q" defaultValue={filters.q} maxLength={100} />
      </label>
      <label>
        Region (any level)
        <select name="region" multiple defaultValue={filters.region} aria-describedby="multi-hint">
          {options.regions.map((r) => <option key={r.slug} value={r.slug}>{indent(r.depth)}{r.name}</option>)}
        </select>
      </label>
      <label>
        Country
        <select name="country" multiple defaultValue={filters.country} aria-describedby="multi-hint">
          {options.countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
      </label>
      <CompanyFilter selected={filters.company} companies={options.companies} />
      <p id="multi-hint" className={`${styles.hint} ${styles.wide}`}>
        In the lists, hold Ctrl (⌘ on a Mac) or Shift to select several; a plant matches any selected value.
      </p>
      <CheckGroup name="status" legend="Status on the as-of date" values={PLANT_STATUSES} labels={STATUS_LABELS} selected={filters.status} />
      <CheckGroup name="origin" legend="Operator origin" values={Object.keys(ORIGIN_LABELS)} labels={ORIGIN_LABELS} selected={filters.origin} />
      <CheckGroup name="chemistry" legend="Chemistry" values={Object.keys(CHEMISTRY_LABELS)} labels={CHEMISTRY_LABELS} selected={filters.chemistry} />
      <CheckGroup name="segment" legend="Segment" values={Object.keys(SEGMENT_LABELS)} labels={SEGMENT_LABELS} selected={filters.segment} />
      <div className={styles.field}>
        <label>
          Capacity year (Y)
          <input type="number" name="year" defaultValue={filters.year} min={2015} max={2040} step={1} />
        </label>
        <label>
          Min GWh/yr in Y
          <input type="number" name="min" defaultValue={filters.min ?? ''} min={0} max={10000} step="any" />
        </label>
        <label>
          Max GWh/yr in Y
          <input type="number" name="max" defaultValue={filters.max ?? ''} min={0} max={10000} step="any" />
        </label>
      </div>
      <div className={styles.field}>
        <label>
          Scenario
          <select name="scenario" defaultValue={filters.scenario}>
            {SCENARIOS.map((s) => <option key={s} value={s}>{SCENARIO_LABELS[s]}</option>)}
          </select>
        </label>
        <label>
          As known on
          <input type="date" name="asOf" defaultValue={filters.asOf} min={EARLIEST_AS_OF} max={today} />
        </label>
        <label>
          Attribute company capacity by
          <select name="attribution" defaultValue={filters.attribution}>
            {ATTRIBUTIONS.map((a) => <option key={a} value={a}>{ATTRIBUTION_LABELS[a]}</option>)}
          </select>
        </label>
        <label>
          Rows per page
          <select name="size" defaultValue={String(filters.size)}>
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
      <div className={styles.actions}>
        <button type="submit">Apply filters</button>
        <Link href="/plants">Clear all filters</Link>
      </div>
    </form>
  );
}
