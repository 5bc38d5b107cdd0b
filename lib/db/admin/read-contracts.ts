import 'server-only';
import { requireRole } from '../../auth/session';
import { db } from '../client';

export interface AdminContractRow {
  id: number; ref: string; kind: string; supplier: string; buyer: string; plant: string | null;
  volume: string; status: string; deleted: boolean; version: number;
}

export async function listAdminContracts(opts: { q: string; deleted: boolean }): Promise<AdminContractRow[]> {
  await requireRole('viewer');
  const q = opts.q.trim();
  const contains = { contains: q, mode: 'insensitive' as const };
  const rows = await db().contract.findMany({
    where: {
      ...(opts.deleted ? { deletedAt: { not: null } } : { deletedAt: null }),
      ...(q ? { OR: [{ ref: contains }, { supplier: { name: contains } }, { buyer: { name: contains } }, { description: contains }] } : {}),
    },
    select: {
      id: true, ref: true, kind: true, status: true, volumeGwh: true, volumeBasis: true, deletedAt: true, version: true,
      supplier: { select: { name: true } }, buyer: { select: { name: true } }, plant: { select: { name: true } },
    },
    orderBy: { ref: 'asc' },
    take: 300,
  });
  return rows.map((r) => ({
    id: r.id, ref: r.ref, kind: r.kind, supplier: r.supplier.name, buyer: r.buyer.name, plant: r.plant?.name ?? null,
    volume: r.volumeGwh === null ? '' : `${Number(r.volumeGwh)} GWh${r.volumeBasis === 'per_year' ? '/yr' : ' total'}`,
    status: r.status, deleted: r.deletedAt !== null, version: r.version,
  }));
}

export type ContractFormValues = Record<
  'ref' | 'kind' | 'supplierId' | 'buyerId' | 'plantId' | 'signedOn' | 'datePrecision' | 'startYear' | 'endYear' |
  'durationYears' | 'volumeGwh' | 'volumeBasis' | 'valueAmount' | 'valueCurrency' | 'valueText' | 'status' |
  'statusChangedOn' | 'description' | 'confidence' | 'notes' | 'version', string>;

const s = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export async function getContractForEdit(id: number): Promise<{ id: number; ref: string; deleted: boolean; values: ContractFormValues; sources: string[] } | null> {
  await requireRole('viewer');
  const c = await db().contract.findUnique({ where: { id }, include: { sources: { include: { source: { select: { publisher: true, title: true } } } } } });
  if (!c) return null;
  const keys = ['ref', 'kind', 'supplierId', 'buyerId', 'plantId', 'signedOn', 'datePrecision', 'startYear', 'endYear', 'durationYears',
    'volumeGwh', 'volumeBasis', 'valueAmount', 'valueCurrency', 'valueText', 'status', 'statusChangedOn', 'description', 'confidence', 'notes', 'version'] as const;
  const values = Object.fromEntries(keys.map((k) => [k, s(c[k])])) as ContractFormValues;
  return { id: c.id, ref: c.ref, deleted: c.deletedAt !== null, values, sources: c.sources.map((x) => `${x.source.publisher} — ${x.source.title}`) };
}
