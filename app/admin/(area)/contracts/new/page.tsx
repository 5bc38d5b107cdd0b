import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminForm } from '@/components/admin/admin-form';
import { CONTRACT_CREATE_FORM } from '@/components/admin/form-spec';
import { requirePageRole } from '@/lib/auth/page-gate';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { createContractAction } from '../actions';

export const metadata: Metadata = { title: 'New contract' };

export default async function NewContractPage() {
  await requirePageRole('editor');
  const options = await listPickerOptions();
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/contracts">Contracts</Link></p>
      <h1>New contract</h1>
      <AdminForm name="contract-create" action={createContractAction} groups={CONTRACT_CREATE_FORM} options={options} submitLabel="Create contract"
        initial={{ kind: 'cell_supply', status: 'planned', datePrecision: 'day', confidence: 'medium' }} />
    </>
  );
}
