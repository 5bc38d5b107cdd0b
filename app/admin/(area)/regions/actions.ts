'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failureState, formValues, invalidState } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { createRegion } from '@/lib/db/admin/create-region';
import { updateRegion } from '@/lib/db/admin/update-region';
import { RegionInputSchema, RegionUpdateSchema } from '@/lib/validation/region';

export async function createRegionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = RegionInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  let created: { id: number };
  try {
    created = await createRegion(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/regions/${created.id}?saved=created`);
}

export async function updateRegionAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = RegionUpdateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updateRegion(id, parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/regions/${id}?saved=updated`);
}
