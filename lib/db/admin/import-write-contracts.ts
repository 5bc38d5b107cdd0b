import 'server-only';
import { AppError } from '../../errors';
import type { Contract, ContractEvent } from '../../generated/prisma/client';
import type { ContractRowValues } from '../../validation/import';
import { type AuditEntry, snapshot } from './audit';
import { chunks, createSources, insertRows, nextChildRefs, sourceId, updateRows } from './import-batch';
import { type ApplyContext, day, type SourcePick } from './import-context';
import type { Tx } from './transaction';

interface Common {
  v: ContractRowValues;
  source: SourcePick;
  /** When the row's facts became public, and the date of its status event. */
  knownOn: string;
  eventOn: string;
  /** Filled by the write, in the order the row-by-row import wrote them. */
  audits: AuditEntry[];
}
export type ContractWrite =
  | Common & { kind: 'new'; supplierId: number; buyerId: number; plantId: number | null }
  | Common & { kind: 'changed'; current: Contract; wanted: Record<string, unknown>; addsSource: boolean; statusChanges: boolean };
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
    const created = await insertRows<Contract>(tx, 'contract', part.map(({ v, supplierId, buyerId, plantId, eventOn }) => ({
        ref: v.ref, kind: v.kind, supplierId, buyerId, plantId, signedOn: day(v.signed_on), datePrecision: v.date_precision,
        startYear: v.start_year, endYear: v.end_year, durationYears: v.duration_years, volumeGwh: v.volume_gwh,
        volumeBasis: v.volume_basis, valueAmount: v.value_amount, valueCurrency: v.value_currency, valueText: v.value_text,
        status: v.status, statusChangedOn: day(eventOn), description: v.description, confidence: v.confidence,
        notes: v.notes,
    })));
    const byRef = new Map(created.map((c) => [c.ref, c]));
    const rows = part.map((a) => ({ a, contract: byRef.get(a.v.ref)!, sourceId: sourceId(run, a.source)! }));
    await tx.contractSource.createMany({ data: rows.map(({ contract, sourceId }) => ({ contractId: contract.id, sourceId })) });
    const events = await insertRows<ContractEvent>(tx, 'contract_event', rows.map(({ a, contract, sourceId }) => ({
      ref: `${a.v.ref}/E1`, contractId: contract.id, status: a.v.status, effectiveOn: day(a.eventOn)!, knownOn: day(a.knownOn)!, sourceId,
    })));
    const eventByContract = new Map(events.map((e) => [e.contractId, e]));
    for (const { a, contract, sourceId } of rows) {
      a.audits.push(
        { action: 'import', entityType: 'contract', entityId: contract.id, before: null, after: { ...snapshot(contract), sourceId } },
        { action: 'import', entityType: 'contract_event', entityId: eventByContract.get(contract.id)!.id, before: null, after: snapshot(eventByContract.get(contract.id)!) },
      );
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
  // A status change is a new contract event; the contract's status follows it (a trigger).
  const moved = changes.filter((c) => c.statusChanges);
  const refs = moved.length ? await nextChildRefs(tx, 'contract_event', moved.map((c) => c.v.ref), 'E') : new Map<string, string>();
  for (const part of chunks(moved)) {
    const events = await insertRows<ContractEvent>(tx, 'contract_event', part.map((c) => ({
      ref: refs.get(c.v.ref)!, contractId: c.current.id, status: c.v.status, effectiveOn: day(c.eventOn)!, knownOn: day(c.knownOn)!,
      sourceId: sourceId(run, c.source),
    })));
    const byContract = new Map(events.map((e) => [e.contractId, e]));
    for (const c of part) c.audits.push({ action: 'import', entityType: 'contract_event', entityId: byContract.get(c.current.id)!.id, before: null, after: snapshot(byContract.get(c.current.id)!) });
  }
}
