'use server';

import { revalidatePath } from 'next/cache';
import { failureState, formValues, invalidState } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { createApiKey } from '@/lib/db/api/create-api-key';
import { revokeApiKey } from '@/lib/db/api/revoke-api-key';
import { ApiKeyInputSchema, ApiKeyRefSchema } from '@/lib/validation/api/api-keys';

export async function createApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = ApiKeyInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    const created = await createApiKey(parsed.data);
    revalidatePath('/admin/api-keys');
    return { status: 'saved', message: `Key ${created.prefix}… created. Copy it now: it is shown only once and stored only as a hash.`, secret: created.key };
  } catch (error) {
    return failureState(error, values);
  }
}

export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = ApiKeyRefSchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) return invalidState(parsed.error, {});
  try {
    await revokeApiKey(parsed.data);
    revalidatePath('/admin/api-keys');
    return { status: 'saved', message: 'Revoked.' };
  } catch (error) {
    return failureState(error, {});
  }
}
