import { z } from 'zod';
import { recordId } from './form-fields';

/** The entity types the audit log records, as stored in audit_log.entity_type. */
export const ENTITY_TYPES = [
  'plant', 'capacity_announcement', 'plant_status_event', 'plant_operator', 'plant_partner', 'company', 'company_parent',
  'contract', 'contract_event', 'source', 'region', 'user',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_LABELS: Record<EntityType, string> = {
  plant: 'Plant',
  capacity_announcement: 'Capacity announcement',
  plant_status_event: 'Status change',
  plant_operator: 'Operator change',
  plant_partner: 'Partner stake',
  company: 'Company',
  company_parent: 'Company group link',
  contract: 'Contract',
  contract_event: 'Contract event',
  source: 'Source',
  region: 'Region',
  user: 'User',
};

/** /admin/history?entity=plant&id=12&page=2 — bad values fall back to the defaults. */
export const HistoryParamsSchema = z.object({
  entity: z.enum(ENTITY_TYPES).optional().catch(undefined),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type HistoryParams = z.infer<typeof HistoryParamsSchema>;

/** Dated facts: rows without a version, deleted and restored as they are. */
export const DATED_FACTS = ['capacity_announcement', 'plant_status_event', 'plant_operator', 'plant_partner', 'company_parent', 'contract_event'] as const;
export type DatedFact = (typeof DATED_FACTS)[number];

/** The soft-deletable entities (users are disabled instead). */
export const SOFT_DELETABLE = ['plant', ...DATED_FACTS, 'company', 'contract', 'source', 'region'] as const;
export type SoftDeletable = (typeof SOFT_DELETABLE)[number];

export const EntityRefSchema = z.object({
  entity: z.enum(SOFT_DELETABLE, { error: 'Unknown kind of record.' }),
  id: recordId('Unknown record.'),
  /** Required for versioned entities; dated facts (announcements, events, ownership) have none. */
  version: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), recordId('Not a record version; reload the page.').nullable()),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;
