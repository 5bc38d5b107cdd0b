import 'server-only';
import { DATED_FACTS, type DatedFact, type SoftDeletable } from '../../validation/history';
import type { Tx } from './transaction';

export const isDatedFact = (entity: SoftDeletable): entity is DatedFact => (DATED_FACTS as readonly string[]).includes(entity);

/** The dated-fact tables, by entity type: load one row, and soft-delete or restore it. */
export function datedFactTable(tx: Tx, entity: DatedFact) {
  const tables = {
    capacity_announcement: tx.capacityAnnouncement, plant_status_event: tx.plantStatusEvent, plant_operator: tx.plantOperator,
    plant_partner: tx.plantPartner, company_parent: tx.companyParent, contract_event: tx.contractEvent,
  } as const;
  // One shape for all six: the calls below use only what they have in common.
  return tables[entity] as unknown as {
    findUnique(args: { where: { id: number } }): Promise<(Record<string, unknown> & { plantId?: number; deletedAt: Date | null }) | null>;
    updateMany(args: { where: Record<string, unknown>; data: { deletedAt: Date | null } }): Promise<{ count: number }>;
  };
}

