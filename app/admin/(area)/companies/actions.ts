'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failureState, formInput, formValues, invalidState } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { createCompany } from '@/lib/db/admin/create-company';
import { recordCompanyLink } from '@/lib/db/admin/record-company-link';
import { updateCompany } from '@/lib/db/admin/update-company';
import { CompanyInputSchema, CompanyLinkInputSchema, CompanyUpdateSchema } from '@/lib/validation/company';

export async function createCompanyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = CompanyInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  let created: { id: number };
  try {
    created = await createCompany(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/companies/${created.id}?saved=created`);
}

export async function updateCompanyAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = CompanyUpdateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updateCompany(id, parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/companies/${id}?saved=updated`);
}

export async function recordCompanyLinkAction(companyId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = CompanyLinkInputSchema.safeParse({ ...formInput(values), companyId });
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await recordCompanyLink(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/companies/${companyId}?saved=link`);
}
