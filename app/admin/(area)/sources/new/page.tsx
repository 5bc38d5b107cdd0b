import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminForm } from '@/components/admin/admin-form';
import { SOURCE_FORM } from '@/components/admin/form-spec';
import { requirePageRole } from '@/lib/auth/page-gate';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { createSourceAction } from '../actions';

export const metadata: Metadata = { title: 'New source' };

export default async function NewSourcePage() {
  await requirePageRole('editor');
  const options = await listPickerOptions();
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/sources">Sources</Link></p>
      <h1>New source</h1>
      <AdminForm name="source-create" action={createSourceAction} groups={SOURCE_FORM} options={options} submitLabel="Create source" initial={{ datePrecision: 'day' }} />
    </>
  );
}
