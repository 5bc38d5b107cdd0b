import 'server-only';
import { AppError } from '../../errors';
import type { Tx } from './transaction';

/** The next free "<prefix><n>" among `existing` refs (FR-07 → FR-08; FR-01/A3 → FR-01/A4). */
export function nextRef(prefix: string, existing: string[], pad = 1): string {
  let max = 0;
  for (const ref of existing) {
    if (!ref.startsWith(prefix)) continue;
    const n = Number(ref.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(pad, '0')}`;
}

export async function nextPlantRef(tx: Tx, countryCode: string): Promise<string> {
  const rows = await tx.plant.findMany({ where: { ref: { startsWith: `${countryCode}-` } }, select: { ref: true } });
  return nextRef(`${countryCode}-`, rows.map((r) => r.ref), 2);
}

export async function nextContractRef(tx: Tx): Promise<string> {
  const rows = await tx.contract.findMany({ where: { ref: { startsWith: 'OT-' } }, select: { ref: true } });
  return nextRef('OT-', rows.map((r) => r.ref), 2);
}

/**
 * FR-01/A3, FR-01/S2, FR-01/O2, FR-01/P4: a plant's announcements, status events, operator and
 * partner facts are numbered under its ref.
 */
export async function nextChildRef(tx: Tx, plantRef: string, kind: 'A' | 'S' | 'O' | 'P'): Promise<string> {
  const prefix = `${plantRef}/${kind}`;
  const where = { where: { ref: { startsWith: prefix } }, select: { ref: true } };
  const rows = kind === 'A' ? await tx.capacityAnnouncement.findMany(where)
    : kind === 'S' ? await tx.plantStatusEvent.findMany(where)
      : kind === 'O' ? await tx.plantOperator.findMany(where)
        : await tx.plantPartner.findMany(where);
  return nextRef(prefix, rows.map((r) => r.ref));
}

/** OT-01/E3: a contract's events are numbered under its ref. */
export async function nextContractEventRef(tx: Tx, contractRef: string): Promise<string> {
  const prefix = `${contractRef}/E`;
  const rows = await tx.contractEvent.findMany({ where: { ref: { startsWith: prefix } }, select: { ref: true } });
  return nextRef(prefix, rows.map((r) => r.ref));
}

/**
 * "acme" → "acme-2". Slugs are at most 120 characters, so a long one gives way to the suffix (cutting
 * the suffix instead would give the same slug for every n).
 */
export function numberedSlug(slug: string, n: number): string {
  const suffix = `-${n}`;
  return `${slug.slice(0, 120 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** A slug not yet taken: the wanted one, or it with -2, -3 … when derived from a name. */
export async function freeSlug(taken: (slug: string) => Promise<boolean>, wanted: string, derived: boolean): Promise<string> {
  if (!(await taken(wanted))) return wanted;
  if (!derived) throw new AppError('invalid', 'This slug is already used.', { fieldErrors: { slug: ['Already used by another record; choose another.'] } });
  for (let i = 2; i < 100; i++) {
    const candidate = numberedSlug(wanted, i);
    if (!(await taken(candidate))) return candidate;
  }
  throw new AppError('conflict', 'Could not find a free slug; enter one.');
}
