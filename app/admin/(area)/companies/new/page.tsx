import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminForm } from '@/components/admin/admin-form';
import { COMPANY_FORM } from '@/components/admin/form-spec';
import { requirePageRole } from '@/lib/auth/page-gate';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { createCompanyAction } from '../actions';

export const metadata: Metadata = { title: 'New company' };

export default async function NewCompanyPage() {
  await requirePageRole('editor');
  const options = await listPickerOptions();
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/companies">Companies</Link></p>
      <h1>New company</h1>
      <AdminForm name="company-create" action={createCompanyAction} groups={COMPANY_FORM} options={options} submitLabel="Create company" initial={{ status: 'active' }} />
    </>
  );
}
