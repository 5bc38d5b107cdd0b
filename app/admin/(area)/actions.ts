'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { failureState, formValues } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { auth } from '@/lib/auth/auth';
import { deleteRecord } from '@/lib/db/admin/delete-record';
import { restoreRecord } from '@/lib/db/admin/restore-record';
import { EntityRefSchema } from '@/lib/validation/history';

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect('/admin/sign-in');
}

/** Soft delete from any list or edit page; the form names entity, id and version. */
export async function deleteRecordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = EntityRefSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'This record could not be identified; reload the page.' };
  try {
    await deleteRecord(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  return { status: 'saved', message: 'Deleted. You can restore it from the history.' };
}

export async function restoreRecordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await restoreRecord({ entity: values.entity, id: values.id });
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  return { status: 'saved', message: 'Restored.' };
}
