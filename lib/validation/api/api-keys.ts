// The admin form that creates an API key (app/admin/api-keys).
import { z } from 'zod';
import { recordId } from '../form-fields';

const CONTROL = /[\u0000-\u001f\u007f]/;

export const ApiKeyInputSchema = z.object({
  /** What the key is for ("newsroom importer"), shown in the list. */
  name: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string({ error: 'Required.' })
    .min(1, { error: 'Required.' }).max(100, { error: 'At most 100 characters.' })
    .refine((s) => !CONTROL.test(s), { error: 'Control characters are not allowed.' })
    .refine((s) => s.isWellFormed(), { error: 'Contains a broken character (half of an emoji or symbol); retype it.' })),
  /** A ticked box: the key may also write (as its creator, who must be an editor). */
  write: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()),
});
export type ApiKeyInput = z.infer<typeof ApiKeyInputSchema>;

export const ApiKeyRefSchema = z.object({ id: recordId('Unknown key.') });
