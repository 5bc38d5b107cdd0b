import 'server-only';
import type { ContractRowValues, ParsedRow, RowError } from '../../validation/import';
import { todayIso } from '../../validation/capacity';
import { day, differences, type ImportLookups, type KindPlan, type PlanRow, rowKnownOn } from './import-context';
import { type ContractWrite, writeContracts } from './import-write-contracts';
import type { Tx } from './transaction';

// Contract field → CSV column.
const FIELDS: Record<string, keyof ContractRowValues> = {
  kind: 'kind', signedOn: 'signed_on', datePrecision: 'date_precision', startYear: 'start_year', endYear: 'end_year',
  durationYears: 'duration_years', volumeGwh: 'volume_gwh', volumeBasis: 'volume_basis', valueAmount: 'value_amount',
  valueCurrency: 'value_currency', valueText: 'value_text',
  description: 'description', confidence: 'confidence', notes: 'notes',
};
const DATES = new Set(['signedOn']);

export async function planContracts(tx: Tx, rows: ParsedRow<ContractRowValues>[], look: ImportLookups): Promise<KindPlan> {
  // Only refs that passed validation are looked up: a raw cell may hold anything (even NUL, which
  // PostgreSQL refuses in text), and rows that failed validation are not matched anyway.
  const refs = rows.flatMap((r) => (r.values ? [r.values.ref] : []));
  const plantRefs = rows.flatMap((r) => (r.values?.plant_ref ? [r.values.plant_ref] : []));
  const [existing, plants] = await Promise.all([
    tx.contract.findMany({ where: { ref: { in: refs } }, include: { sources: { select: { sourceId: true } } } }),
    tx.plant.findMany({ where: { ref: { in: plantRefs }, deletedAt: null }, select: { id: true, ref: true } }),
  ]);
  const byRef = new Map(existing.map((c) => [c.ref, c]));
  const plantByRef = new Map(plants.map((p) => [p.ref, p.id]));

  const writes: ContractWrite[] = [];
  const planned = rows.map((r): PlanRow => {
    const errors: RowError[] = [...r.errors];
    const base = { row: r.row, ref: r.ref, changes: [] };
    const v = r.values;
    if (!v) return { ...base, status: 'error', errors };
    const supplierId = look.company(v.supplier);
    const buyerId = look.company(v.buyer);
    if (supplierId === undefined) errors.push({ column: 'supplier', message: `Unknown company “${v.supplier}”.` });
    if (buyerId === undefined) errors.push({ column: 'buyer', message: `Unknown company “${v.buyer}”.` });
    if (supplierId !== undefined && supplierId === buyerId) errors.push({ column: 'buyer', message: 'Supplier and buyer must differ.' });
    const plantId = v.plant_ref ? plantByRef.get(v.plant_ref) : null;
    if (plantId === undefined) errors.push({ column: 'plant_ref', message: `Unknown plant ref “${v.plant_ref}”.` });
    if (v.start_year !== null && v.end_year !== null && v.end_year < v.start_year) errors.push({ column: 'end_year', message: 'The end year is before the start year.' });
    if ((v.volume_gwh === null) !== (v.volume_basis === null)) errors.push({ column: 'volume_basis', message: 'Give volume_gwh with its volume_basis (per_year or total), or neither.' });
    if (v.value_amount !== null && v.value_currency === null) errors.push({ column: 'value_currency', message: 'An amount needs its currency.' });
    const source = look.source(v);
    if (typeof source === 'string') errors.push({ column: 'source_url', message: source });
    const current = byRef.get(v.ref);
    if (current?.deletedAt) errors.push({ column: 'ref', message: `Contract ${v.ref} is deleted; restore it in the history first.` });
    if (!current && !source) errors.push({ column: 'source_url', message: 'A new contract needs a source: source_url of a known source, or source_publisher and source_title.' });
    // A status change is a dated contract event (the contract's status follows the latest).
    const statusChanges = current !== undefined && current.status !== v.status;
    if (statusChanges && !v.status_changed_on) errors.push({ column: 'status_changed_on', message: `Required: the status changes (${current!.status} → ${v.status}).` });
    const eventOn = v.status_changed_on ?? v.signed_on ?? null;
    const known = typeof source === 'string' ? null : rowKnownOn(v.known_on, source, eventOn ?? todayIso());
    if (known !== null && typeof known !== 'string') errors.push(known);
    if (errors.length || supplierId === undefined || buyerId === undefined || plantId === undefined || typeof source === 'string' || typeof known !== 'string') {
      return { ...base, status: 'error', errors };
    }

    const wanted: Record<string, unknown> = { supplierId, buyerId };
    if (r.columns.has('plant_ref')) wanted.plantId = plantId;
    for (const [field, column] of Object.entries(FIELDS)) {
      if (r.columns.has(column) || !current) wanted[field] = DATES.has(field) ? day(v[column] as string | null) : v[column];
    }
    if (!current) {
      writes.push({ kind: 'new', v, supplierId, buyerId, plantId, source, knownOn: known, eventOn: eventOn ?? known, audits: [] });
      return { ...base, status: 'new', errors: [] };
    }
    const name = (id: unknown) => look.companyNames.get(id as number) ?? String(id);
    const changes = differences(current, wanted, { supplierId: name, buyerId: name });
    const addsSource = source !== null && (source.kind === 'new' || !current.sources.some((s) => s.sourceId === source.id));
    if (addsSource) changes.push({ field: 'sources', before: '', after: `+ ${source.label}` });
    if (statusChanges) changes.push({ field: 'status', before: current.status, after: `${v.status} (on ${v.status_changed_on})` });
    if (changes.length === 0) return { ...base, status: 'unchanged', errors: [] };
    writes.push({ kind: 'changed', v, current, wanted, addsSource, statusChanges, source, knownOn: known, eventOn: v.status_changed_on ?? known, audits: [] });
    return { ...base, status: 'changed', errors: [], changes };
  });
  return { rows: planned, write: (t, run) => writeContracts(t, run, writes) };
}
