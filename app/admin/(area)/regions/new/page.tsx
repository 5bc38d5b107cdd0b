import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminForm } from '@/components/admin/admin-form';
import { REGION_CREATE_FORM } from '@/components/admin/form-spec';
import { requirePageRole } from '@/lib/auth/page-gate';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { createRegionAction } from '../actions';

export const metadata: Metadata = { title: 'New region' };

export default async function NewRegionPage() {
  await requirePageRole('editor');
  const options = await listPickerOptions();
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/regions">Regions</Link></p>
      <h1>New region</h1>
      <AdminForm name="region-create" action={createRegionAction} groups={REGION_CREATE_FORM} options={options} submitLabel="Create region" initial={{ level: 'nuts2' }} />
    </>
  );
}
