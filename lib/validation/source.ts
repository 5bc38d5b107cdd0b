import { z } from 'zod';
import { DatePrecisionSchema, SourceTierSchema } from './fields';
import { choice, date, optionalText, recordId, text, urlField, version } from './form-fields';

/** ISO 639-1, e.g. fr; empty = not recorded. */
const language = z.preprocess((v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.string({ error: 'A two-letter language code (ISO 639-1), e.g. fr.' }).regex(/^[a-z]{2}$/, { error: 'A two-letter language code (ISO 639-1), e.g. fr.' }).nullable());

/** Every source is a page someone can open: its address, publisher, title, language, date and tier. */
export const SourceInputSchema = z.object({
  url: urlField.pipe(z.string({ error: 'Required: the address of the page read.' })),
  publisher: text(200),
  title: text(500),
  language,
  publishedOn: date,
  datePrecision: choice(DatePrecisionSchema.options),
  /** Empty = trade (specialist press); weak sources may never be a fact's only basis. */
  tier: z.preprocess((v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? 'trade' : v), choice(SourceTierSchema.options)),
  note: optionalText(4000),
});
export type SourceInput = z.infer<typeof SourceInputSchema>;

export const SourceUpdateSchema = SourceInputSchema.extend({ version });
export type SourceUpdate = z.infer<typeof SourceUpdateSchema>;

/**
 * The source picker on the plant, announcement, status and contract forms: an existing source
 * (sourceId) or a new one typed inline (sourceId = "new" and the newSource* fields).
 */
const FormSourceSchema = z.object({
  // Not z.coerce: it would take true, [5] or "0x10" for a source id.
  sourceId: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.union([
    z.literal('new'),
    recordId('Choose a source, or add a new one.'),
  ], { error: 'Choose a source, or add a new one.' })),
  newSourceUrl: z.unknown().optional(),
  newSourcePublisher: z.unknown().optional(),
  newSourceTitle: z.unknown().optional(),
  newSourcePublishedOn: z.unknown().optional(),
  newSourceLanguage: z.unknown().optional(),
  newSourceTier: z.unknown().optional(),
}).transform((v, ctx): SourceRef => {
  if (v.sourceId !== 'new') return { kind: 'existing', id: v.sourceId };
  const parsed = SourceInputSchema.safeParse({
    url: v.newSourceUrl, publisher: v.newSourcePublisher, title: v.newSourceTitle,
    publishedOn: v.newSourcePublishedOn, language: v.newSourceLanguage, tier: v.newSourceTier, datePrecision: 'day', note: null,
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      url: 'newSourceUrl', publisher: 'newSourcePublisher', title: 'newSourceTitle', publishedOn: 'newSourcePublishedOn',
      language: 'newSourceLanguage', tier: 'newSourceTier',
    };
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: [names[String(issue.path[0])] ?? 'sourceId'] });
    }
    return z.NEVER;
  }
  return { kind: 'new', input: parsed.data };
});

export type SourceRef = { kind: 'existing'; id: number } | { kind: 'new'; input: SourceInput };

/** Already-parsed choices go back to the form's shape, so parsing twice (action, then data layer) agrees. */
function asFormShape(v: unknown): unknown {
  if (!v || typeof v !== 'object' || !('kind' in v)) return v;
  const ref = v as SourceRef;
  if (ref.kind === 'existing') return { sourceId: ref.id };
  return {
    sourceId: 'new', newSourceUrl: ref.input?.url ?? '', newSourcePublisher: ref.input?.publisher, newSourceTitle: ref.input?.title,
    newSourcePublishedOn: ref.input?.publishedOn ?? '', newSourceLanguage: ref.input?.language, newSourceTier: ref.input?.tier,
  };
}

export const SourceChoiceSchema = z.preprocess(asFormShape, FormSourceSchema);
