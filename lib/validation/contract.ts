import { z } from 'zod';
import { ConfidenceSchema, ContractKindSchema, ContractStatusSchema, DatePrecisionSchema, VolumeBasisSchema } from './fields';
import {
  choice, date, id, optionalChoice, optionalDate, optionalId, optionalNumber, optionalText, refField, version,
} from './form-fields';
import { SourceChoiceSchema } from './source';

const ContractFields = z.object({
  /** Stable reference (OT-40); the next free one when empty. */
  ref: refField,
  kind: choice(ContractKindSchema.options),
  supplierId: id,
  buyerId: id,
  plantId: optionalId,
  signedOn: optionalDate,
  datePrecision: choice(DatePrecisionSchema.options),
  startYear: optionalNumber({ int: true, min: 2000, max: 2060, what: 'a year' }),
  endYear: optionalNumber({ int: true, min: 2000, max: 2060, what: 'a year' }),
  durationYears: optionalNumber({ int: true, min: 1, max: 60, what: 'a number of years' }),
  volumeGwh: optionalNumber({ min: 0, max: 10_000, what: 'GWh' }),
  volumeBasis: optionalChoice(VolumeBasisSchema.options),
  valueAmount: optionalNumber({ min: 0, max: 1e13, what: 'an amount' }),
  valueCurrency: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string().regex(/^[A-Z]{3}$/, { error: 'An ISO 4217 code, e.g. EUR.' }).nullable(),
  ),
  valueText: optionalText(300),
  description: optionalText(4000),
  confidence: choice(ConfidenceSchema.options),
  notes: optionalText(4000),
});

type ContractShape = z.infer<typeof ContractFields>;
const consistent = (c: ContractShape, ctx: z.RefinementCtx) => {
  if (c.supplierId === c.buyerId) ctx.addIssue({ code: 'custom', path: ['buyerId'], message: 'Supplier and buyer must differ.' });
  if (c.startYear !== null && c.endYear !== null && c.endYear < c.startYear) {
    ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'The end year cannot be before the start year.' });
  }
  if ((c.volumeGwh === null) !== (c.volumeBasis === null)) {
    ctx.addIssue({ code: 'custom', path: [c.volumeGwh === null ? 'volumeGwh' : 'volumeBasis'], message: 'Give the volume with its basis (per year or total), or neither.' });
  }
  if (c.valueAmount !== null && c.valueCurrency === null) {
    ctx.addIssue({ code: 'custom', path: ['valueCurrency'], message: 'An amount needs its currency.' });
  }
};

/** A new contract with its first event: its status (planned when signed and not yet delivering), on a date. */
export const ContractCreateSchema = z.object({
  ...ContractFields.shape,
  status: choice(ContractStatusSchema.options),
  /** The first event's date; empty = the signing date, else the source's publication date. */
  statusChangedOn: optionalDate,
  knownOn: optionalDate,
  source: SourceChoiceSchema,
}).superRefine(consistent);
export type ContractCreate = z.infer<typeof ContractCreateSchema>;

export const ContractUpdateSchema = ContractFields.extend({ version }).superRefine(consistent);
export type ContractUpdate = z.infer<typeof ContractUpdateSchema>;

/** A dated event in a contract's life (signed, amended, started, cancelled…): the status after it. */
export const ContractEventInputSchema = z.object({
  contractId: id,
  status: choice(ContractStatusSchema.options),
  effectiveOn: date,
  datePrecision: choice(DatePrecisionSchema.options),
  knownOn: optionalDate,
  note: optionalText(4000),
  source: SourceChoiceSchema,
});
export type ContractEventInput = z.infer<typeof ContractEventInputSchema>;
