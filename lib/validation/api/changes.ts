// GET /api/v1/changes and the Atom feeds: what changed in the data, when, with its source.
import { z } from 'zod';
import { IsoDateSchema, SlugSchema } from '../fields';
import { formatParam, named, pageParams, PageMetaSchema, SourceRefSchema } from './common';
import { list, parseApiQuery, single } from './query';

export const CHANGE_KINDS = ['new_plant', 'status', 'capacity', 'ownership', 'contract'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  new_plant: 'New plant',
  status: 'Status change',
  capacity: 'Capacity announcement',
  ownership: 'Change of operator',
  contract: 'Contract event',
};

const date = IsoDateSchema.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { error: 'a date from 2000 to 2100' });

export const changeFilterShape = {
  region: single(SlugSchema.optional(), 'Only changes to plants inside this region (slug, any level); contracts through their plant.', 'hauts-de-france'),
  company: list(SlugSchema, 'Only changes to plants this company operates or holds a stake in, and its contracts. Repeatable.', 'northvolt', 20),
  kind: list(z.enum(CHANGE_KINDS, { error: `one of ${CHANGE_KINDS.join(', ')}` }), `Only these kinds: ${CHANGE_KINDS.join(', ')}. Repeatable.`, 'capacity', 5),
  since: single(date.optional(), 'Changes that became public on or after this day (YYYY-MM-DD).', '2025-01-01'),
  until: single(date.optional(), 'Changes that became public on or before this day (YYYY-MM-DD): the feed as known then.'),
};

const sinceBeforeUntil = (v: { since?: string; until?: string }) =>
  v.since && v.until && v.until < v.since ? [{ path: 'until', message: `must not be before since (${v.since})` }] : [];

export const changesQueryShape = { ...changeFilterShape, ...pageParams, format: formatParam };

export function parseChangesQuery(params: URLSearchParams) {
  return parseApiQuery(params, changesQueryShape, sinceBeforeUntil);
}

export const feedQueryShape = {
  ...changeFilterShape,
  limit: single(
    z.coerce.number({ error: 'a whole number from 1 to 200' }).int({ error: 'a whole number from 1 to 200' })
      .min(1, { error: 'a whole number from 1 to 200' }).max(200, { error: 'at most 200 entries' }).default(50),
    'Entries in the feed (1–200).',
  ),
};

export function parseFeedQuery(params: URLSearchParams) {
  return parseApiQuery(params, feedQueryShape, sinceBeforeUntil);
}

export const ChangeCursorSchema = z.object({ s: z.string(), date: IsoDateSchema, rank: z.int().min(1).max(4), id: z.int().min(1) });

const companyRef = z.object({ slug: z.string(), name: z.string() });

export const ChangeSchema = named('Change', z.object({
  id: z.string(),
  kind: z.enum(CHANGE_KINDS),
  date: z.iso.date().meta({ description: 'When it happened or was announced.' }),
  knownOn: z.iso.date().meta({ description: 'When it became public (its source’s publication date or later); the feed’s order.' }),
  recordedAt: z.iso.datetime(),
  plant: z.object({ slug: z.string(), name: z.string(), countryCode: z.string().nullable(), regionName: z.string() }).nullable(),
  status: z.string().nullable(),
  previousStatus: z.string().nullable(),
  scope: z.string().nullable(),
  targetYear: z.int().nullable(),
  gwh: z.number().nullable(),
  previousGwh: z.number().nullable(),
  operator: companyRef.nullable(),
  previousOperator: companyRef.nullable(),
  contract: z.object({
    ref: z.string(), kind: z.string(), status: z.string(), supplier: companyRef, buyer: companyRef,
    volumeGwh: z.number().nullable(), volumeBasis: z.string().nullable(),
  }).nullable(),
  source: SourceRefSchema.nullable(),
}), 'One change: a plant’s first status (new_plant), a later status, a capacity announcement (with the figure it replaced), a change of operator or a contract event.');

export const ChangeListSchema = named('ChangeList', z.object({ data: z.array(ChangeSchema), meta: PageMetaSchema }));
