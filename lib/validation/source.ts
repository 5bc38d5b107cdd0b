import { z } from 'zod';
import { DatePrecisionSchema } from './fields';
import { choice, optionalDate, optionalText, recordId, text, urlField, version } from './form-fields';

export const SourceInputSchema = z.object({
  url: urlField,
  publisher: text(200),
  title: text(500),
  publishedOn: optionalDate,
  datePrecision: choice(DatePrecisionSchema.options),
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
}).transform((v, ctx): SourceRef => {
  if (v.sourceId !== 'new') return { kind: 'existing', id: v.sourceId };
  const parsed = SourceInputSchema.safeParse({
    url: v.newSourceUrl, publisher: v.newSourcePublisher, title: v.newSourceTitle,
    publishedOn: v.newSourcePublishedOn, datePrecision: 'day', note: null,
  });
  if (!parsed.success) {
    const names: Record<string, string> = { url: 'newSourceUrl', publisher: 'newSourcePublisher', title: 'newSourceTitle', publishedOn: 'newSourcePublishedOn' };
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
    newSourcePublishedOn: ref.input?.publishedOn ?? '',
  };
}

export const SourceChoiceSchema = z.preprocess(asFormShape, FormSourceSchema);
