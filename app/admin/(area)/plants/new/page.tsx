import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminForm } from '@/components/admin/admin-form';
import { PLANT_CREATE_FORM } from '@/components/admin/form-spec';
import { LocationPreview } from '@/components/admin/location-preview';
import { requirePageRole } from '@/lib/auth/page-gate';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { createPlantAction } from '../actions';
import { previewLocationAction } from '../preview-action';

export const metadata: Metadata = { title: 'New plant' };

export default async function NewPlantPage() {
  await requirePageRole('editor');
  const options = await listPickerOptions();
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/plants">Plants</Link></p>
      <h1>New plant</h1>
      <AdminForm
        name="plant-create" action={createPlantAction} groups={PLANT_CREATE_FORM} options={options} submitLabel="Create plant"
        initial={{ locationApproximate: true, inCellTotals: true, chemistryFamily: 'unknown', segment: 'ev', facilityType: 'cell_gigafactory', confidence: 'medium', statusPrecision: 'day', status: 'announced' }}
        preview={{ action: previewLocationAction, initial: <LocationPreview lat={NaN} lon={NaN} valid={false} /> }}
      />
    </>
  );
}
