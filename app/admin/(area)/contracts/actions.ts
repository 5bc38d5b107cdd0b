'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failureState, formInput, formValues, invalidState } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { createContract } from '@/lib/db/admin/create-contract';
import { updateContract } from '@/lib/db/admin/update-contract';
import { ContractCreateSchema, ContractUpdateSchema } from '@/lib/validation/contract';

export async function createContractAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = ContractCreateSchema.safeParse(formInput(values));
  if (!parsed.success) return invalidState(parsed.error, values);
  let created: { id: number };
  try {
    created = await createContract(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/contracts/${created.id}?saved=created`);
}

export async function updateContractAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = ContractUpdateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updateContract(id, parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/contracts/${id}?saved=updated`);
}
