import Link from 'next/link';
import type { ContractFilterOptions } from '@/lib/db/contract-filter-options';
import { ContractKindSchema, ContractStatusSchema } from '@/lib/validation/fields';
import type { ContractFilters } from '@/lib/validation/contract-filters';
import { CONTRACT_KIND_LABELS, CONTRACT_STATUS_LABELS } from './labels';
import styles from './explorer.module.css';

function Multi({ name, label, options, selected }: {
  name: string; label: string; options: { slug: string; name: string }[]; selected: string[];
}) {
  return (
    <label>
      {label}
      <select name={name} multiple defaultValue={selected} aria-describedby="contract-multi-hint">
        {options.map((o) => <option key={o.slug} value={o.slug}>{o.name}</option>)}
      </select>
    </label>
  );
}

function Checks({ name, legend, values, labels, selected }: {
  name: string; legend: string; values: readonly string[]; labels: Record<string, string>; selected: readonly string[];
}) {
  return (
    <fieldset className={styles.group}>
      <legend>{legend}</legend>
      {values.map((v) => <label key={v}><input type="checkbox" name={name} value={v} defaultChecked={selected.includes(v)} /> {labels[v] ?? v}</label>)}
    </fieldset>
  );
}

/** The contract filters as a GET form: the URL holds the view. */
export function ContractFilterForm({ filters, options }: { filters: ContractFilters; options: ContractFilterOptions }) {
  return (
    <form method="get" action="/offtakes" className={styles.filters} aria-label="Filter contracts">
      <Multi name="supplier" label="Supplier" options={options.suppliers} selected={filters.supplier} />
      <Multi name="buyer" label="Buyer" options={options.buyers} selected={filters.buyer} />
      <Multi name="plant" label="Plant" options={options.plants} selected={filters.plant} />
      <p id="contract-multi-hint" className={`${styles.hint} ${styles.wide}`}>
        Hold Ctrl (⌘ on a Mac) or Shift to select several; a contract matches any selected value.
      </p>
      <Checks name="status" legend="Status" values={ContractStatusSchema.options} labels={CONTRACT_STATUS_LABELS} selected={filters.status} />
      <Checks name="kind" legend="Kind" values={ContractKindSchema.options} labels={CONTRACT_KIND_LABELS} selected={filters.kind} />
      <label>
        Term covers year
        <input type="number" name="year" defaultValue={filters.year ?? ''} min={2000} max={2060} step={1} />
        <span className={styles.hint}>No start year counts as started, no end year as open-ended.</span>
      </label>
      <div className={styles.actions}>
        <button type="submit">Apply filters</button>
        <Link href="/offtakes">Clear all filters</Link>
      </div>
    </form>
  );
}
