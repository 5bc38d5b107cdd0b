import { z } from 'zod';
import { CapacityScopeSchema, ConfidenceSchema, DatePrecisionSchema } from './fields';
import { choice, date, id, number, optionalDate, optionalNumber, optionalText } from './form-fields';
import { SourceChoiceSchema } from './source';

/** A capacity figure as announced on a date. Always a new row: figures are never overwritten. */
export const CapacityAnnouncementInputSchema = z.object({
  plantId: id,
  scope: choice(CapacityScopeSchema.options),
  targetYear: optionalNumber({ int: true, min: 2000, max: 2060, what: 'a year' }),
  gwhPerYear: number({ min: 0, max: 10_000, what: 'GWh per year' }),
  announcedOn: date,
  datePrecision: choice(DatePrecisionSchema.options),
  /** When it became public; empty = the source's publication date. */
  knownOn: optionalDate,
  confidence: choice(ConfidenceSchema.options),
  note: optionalText(4000),
  source: SourceChoiceSchema,
}).superRefine((a, ctx) => {
  if (a.scope === 'milestone' && a.targetYear === null) {
    ctx.addIssue({ code: 'custom', path: ['targetYear'], message: 'A milestone figure needs a target year.' });
  }
  if (a.scope === 'long_term' && a.targetYear !== null) {
    ctx.addIssue({ code: 'custom', path: ['targetYear'], message: 'A long-term figure has no target year; leave it empty.' });
  }
  if (a.knownOn !== null && a.knownOn < a.announcedOn) {
    ctx.addIssue({ code: 'custom', path: ['knownOn'], message: 'A figure cannot be public before it was announced.' });
  }
});
export type CapacityAnnouncementInput = z.infer<typeof CapacityAnnouncementInputSchema>;
