'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failureState, formValues, invalidState } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { createSource } from '@/lib/db/admin/create-source';
import { updateSource } from '@/lib/db/admin/update-source';
import { SourceInputSchema, SourceUpdateSchema } from '@/lib/validation/source';

export async function createSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = SourceInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  let created: { id: number };
  try {
    created = await createSource(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/sources/${created.id}?saved=created`);
}

export async function updateSourceAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = SourceUpdateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updateSource(id, parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/sources/${id}?saved=updated`);
}
