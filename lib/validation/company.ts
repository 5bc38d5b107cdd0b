import { z } from 'zod';
import { CompanyStatusSchema, OwnershipOriginSchema } from './fields';
import { choice, optionalId, optionalText, slugField, text, urlField, version } from './form-fields';

export const CompanyInputSchema = z.object({
  name: text(200),
  /** Derived from the name when empty. */
  slug: slugField,
  hqCountryId: optionalId,
  origin: choice(OwnershipOriginSchema.options),
  status: choice(CompanyStatusSchema.options),
  successorId: optionalId,
  parentId: optionalId,
  website: urlField,
  notes: optionalText(4000),
});
export type CompanyInput = z.infer<typeof CompanyInputSchema>;

export const CompanyUpdateSchema = CompanyInputSchema.extend({ version });
export type CompanyUpdate = z.infer<typeof CompanyUpdateSchema>;
