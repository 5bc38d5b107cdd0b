'use server';

import { revalidatePath } from 'next/cache';
import { failureState, formValues, invalidState } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { createUser } from '@/lib/db/admin/create-user';
import { resetUserPassword } from '@/lib/db/admin/reset-user-password';
import { updateUser } from '@/lib/db/admin/update-user';
import { UserCreateSchema, UserUpdateSchema } from '@/lib/validation/user';

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = UserCreateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    const created = await createUser(parsed.data);
    revalidatePath('/admin/users');
    return { status: 'saved', message: `Account created for ${created.email}. Give them this password; it is not stored in readable form.`, secret: created.password };
  } catch (error) {
    return failureState(error, values);
  }
}

export async function updateUserAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = UserUpdateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    const result = await updateUser(id, parsed.data);
    revalidatePath('/admin/users');
    return { status: 'saved', message: `Saved${result.sessionsRevoked ? `; ${result.sessionsRevoked} session(s) signed out` : ''}.`, values: { ...values, version: String(result.version) } };
  } catch (error) {
    return failureState(error, values);
  }
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { password } = await resetUserPassword({ id: formData.get('id') });
    revalidatePath('/admin/users');
    return { status: 'saved', message: 'New password (every session of this user was signed out):', secret: password };
  } catch (error) {
    return failureState(error, {});
  }
}
