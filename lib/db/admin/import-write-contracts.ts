import 'server-only';
import { AppError } from '../../errors';
import type { Contract } from '../../generated/prisma/client';
import type { ContractRowValues } from '../../validation/import';
import { type AuditEntry, snapshot } from './audit';
import { chunks, createSources, insertRows, sourceId, updateRows } from './import-batch';
import { type ApplyContext, day, type SourcePick } from './import-context';
import type { Tx } from './transaction';

interface Common {
  v: ContractRowValues;
  source: SourcePick;
  /** Filled by the write, in the order the row-by-row import wrote them. */
  audits: AuditEntry[];
}
export type ContractWrite =
  | Common & { kind: 'new'; supplierId: number; buyerId: number; plantId: number | null }
  | Common & { kind: 'changed'; current: Contract; wanted: Record<string, unknown>; addsSource: boolean };
type NewContract = Extract<ContractWrite, { kind: 'new' }>;
type ChangedContract = Extract<ContractWrite, { kind: 'changed' }>;

/**
 * Writes a contracts file's new and changed rows in set-based batches and queues each row's audit
 * row in file order. A changed row whose version moved since it was planned refuses the import.
 */
export async function writeContracts(tx: Tx, run: ApplyContext, writes: ContractWrite[]): Promise<void> {
  await createSources(tx, run, writes.map((w) => w.source));
  await insertContracts(tx, run, writes.filter((w): w is NewContract => w.kind === 'new'));
  await updateContracts(tx, run, writes.filter((w): w is ChangedContract => w.kind === 'changed'));
  for (const w of writes) run.audits.push(...w.audits);
}

async function insertContracts(tx: Tx, run: ApplyContext, adds: NewContract[]): Promise<void> {
  for (const part of chunks(adds)) {
    const created = await insertRows<Contract>(tx, 'contract', part.map(({ v, supplierId, buyerId, plantId }) => ({
        ref: v.ref, kind: v.kind, supplierId, buyerId, plantId, signedOn: day(v.signed_on), datePrecision: v.date_precision,
        startYear: v.start_year, endYear: v.end_year, durationYears: v.duration_years, volumeGwh: v.volume_gwh,
        volumeBasis: v.volume_basis, valueAmount: v.value_amount, valueCurrency: v.value_currency, valueText: v.value_text,
        status: v.status, statusChangedOn: day(v.status_changed_on), description: v.description, confidence: v.confidence,
        notes: v.notes,
    })));
    const byRef = new Map(created.map((c) => [c.ref, c]));
    const rows = part.map((a) => ({ a, contract: byRef.get(a.v.ref)!, sourceId: sourceId(run, a.source)! }));
    await tx.contractSource.createMany({ data: rows.map(({ contract, sourceId }) => ({ contractId: contract.id, sourceId })) });
    for (const { a, contract, sourceId } of rows) {
      a.audits.push({ action: 'import', entityType: 'contract', entityId: contract.id, before: null, after: { ...snapshot(contract), sourceId } });
    }
  }
}

async function updateContracts(tx: Tx, run: ApplyContext, changes: ChangedContract[]): Promise<void> {
  if (changes.length === 0) return;
  const byId = new Map(changes.map((c) => [c.current.id, c]));
  const stale = await updateRows(tx, 'contract', changes.map((c) => ({ id: c.current.id, version: c.current.version, data: c.wanted })));
  if (stale.length) throw new AppError('conflict', `Contract ${byId.get(stale[0]!)!.v.ref} was changed by someone else during the import; nothing was imported. Run it again.`);
  const after = new Map<number, Contract>();
  for (const part of chunks([...byId.keys()])) for (const c of await tx.contract.findMany({ where: { id: { in: part } } })) after.set(c.id, c);
  for (const c of changes) c.audits.push({ action: 'import', entityType: 'contract', entityId: c.current.id, before: snapshot(c.current), after: snapshot(after.get(c.current.id)!) });
  for (const part of chunks(changes.filter((c) => c.addsSource))) {
    await tx.contractSource.createMany({ data: part.map((c) => ({ contractId: c.current.id, sourceId: sourceId(run, c.source)! })), skipDuplicates: true });
  }
}
