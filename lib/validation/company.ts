import { z } from 'zod';
import { CompanyStatusSchema, DatePrecisionSchema, OwnershipOriginSchema } from './fields';
import { checkbox, choice, date, id, optionalDate, optionalId, optionalNumber, optionalText, slugField, text, urlField, version } from './form-fields';
import { SourceChoiceSchema } from './source';

export const CompanyInputSchema = z.object({
  name: text(200),
  /** Derived from the name when empty. */
  slug: slugField,
  hqCountryId: optionalId,
  origin: choice(OwnershipOriginSchema.options),
  status: choice(CompanyStatusSchema.options),
  successorId: optionalId,
  website: urlField,
  notes: optionalText(4000),
});
export type CompanyInput = z.infer<typeof CompanyInputSchema>;

export const CompanyUpdateSchema = CompanyInputSchema.extend({ version });
export type CompanyUpdate = z.infer<typeof CompanyUpdateSchema>;

/** From a date, `parentId` holds a stake in `companyId` (100 = wholly owned; empty = not published), or (`ended`) no longer does. */
export const CompanyLinkInputSchema = z.object({
  companyId: id,
  parentId: id,
  stakePct: optionalNumber({ min: 0.01, max: 100, what: 'a percentage above 0' }),
  ended: checkbox,
  effectiveOn: date,
  datePrecision: choice(DatePrecisionSchema.options),
  knownOn: optionalDate,
  note: optionalText(4000),
  source: SourceChoiceSchema,
}).refine((l) => l.companyId !== l.parentId, { error: 'A company cannot own itself.', path: ['parentId'] });
export type CompanyLinkInput = z.infer<typeof CompanyLinkInputSchema>;
