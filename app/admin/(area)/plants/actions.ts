'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { failureState, formInput, formValues, invalidState } from '@/components/admin/action-state';
import type { FormState } from '@/components/admin/form-state';
import { addStatusEvent } from '@/lib/db/admin/add-status-event';
import { correctCapacityAnnouncement } from '@/lib/db/admin/correct-capacity-announcement';
import { createCapacityAnnouncement } from '@/lib/db/admin/create-capacity-announcement';
import { createPlant } from '@/lib/db/admin/create-plant';
import { recordOperatorChange, recordPartnerFact } from '@/lib/db/admin/record-ownership';
import { updatePlant } from '@/lib/db/admin/update-plant';
import { CapacityAnnouncementInputSchema } from '@/lib/validation/capacity-announcement';
import {
  OperatorChangeInputSchema, PartnerFactInputSchema, PlantCreateSchema, PlantUpdateSchema, StatusEventInputSchema,
} from '@/lib/validation/plant';

export async function createPlantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = PlantCreateSchema.safeParse(formInput(values));
  if (!parsed.success) return invalidState(parsed.error, values);
  let created: { id: number };
  try {
    created = await createPlant(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/plants/${created.id}?saved=created`);
}

export async function updatePlantAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = PlantUpdateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updatePlant(id, parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/plants/${id}?saved=updated`);
}

export async function addStatusEventAction(plantId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = StatusEventInputSchema.safeParse({ ...formInput(values), plantId });
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await addStatusEvent(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/plants/${plantId}?saved=status`);
}

export async function createAnnouncementAction(plantId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = CapacityAnnouncementInputSchema.safeParse({ ...formInput(values), plantId });
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await createCapacityAnnouncement(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/plants/${plantId}?saved=figure`);
}

export async function correctAnnouncementAction(plantId: number, announcementId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = CapacityAnnouncementInputSchema.safeParse({ ...formInput(values), plantId });
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await correctCapacityAnnouncement(announcementId, parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/plants/${plantId}?saved=corrected`);
}

export async function recordOperatorChangeAction(plantId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = OperatorChangeInputSchema.safeParse({ ...formInput(values), plantId });
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await recordOperatorChange(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/plants/${plantId}?saved=operator`);
}

export async function recordPartnerFactAction(plantId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = PartnerFactInputSchema.safeParse({ ...formInput(values), plantId });
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await recordPartnerFact(parsed.data);
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath('/', 'layout');
  redirect(`/admin/plants/${plantId}?saved=partner`);
}
