import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/admin-form';
import { EntityHistory } from '@/components/admin/entity-history';
import { CONTRACT_EDIT_FORM } from '@/components/admin/form-spec';
import { RecordButton } from '@/components/admin/record-button';
import { SavedNotice } from '@/components/admin/saved-notice';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { getContractForEdit } from '@/lib/db/admin/read-contracts';
import { RouteIdSchema } from '@/lib/validation/admin-list';
import { deleteRecordAction, restoreRecordAction } from '../../actions';
import { updateContractAction } from '../actions';

export const metadata: Metadata = { title: 'Edit contract' };

export default async function EditContractPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageRole('viewer');
  const id = RouteIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [contract, options, { saved }] = await Promise.all([getContractForEdit(id.data), listPickerOptions(), searchParams]);
  if (!contract) notFound();
  const canEdit = roleAtLeast(actor.role, 'editor') && !contract.deleted;
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/contracts">Contracts</Link></p>
      <h1>Contract {contract.ref}</h1>
      <SavedNotice saved={saved} />
      <p>Sources: {contract.sources.join('; ') || '—'}</p>
      {contract.deleted ? <RecordButton action={restoreRecordAction} entity="contract" id={contract.id} label="Restore contract" /> : null}
      {canEdit ? (
        <>
          <AdminForm name="contract-edit" action={updateContractAction.bind(null, contract.id)} groups={CONTRACT_EDIT_FORM} options={options}
            initial={contract.values} hidden={{ version: contract.values.version }} submitLabel="Save contract" />
          <h2>Delete</h2>
          <RecordButton action={deleteRecordAction} entity="contract" id={contract.id} version={Number(contract.values.version)} label="Delete contract" danger confirm="Delete this contract?" />
        </>
      ) : null}
      <EntityHistory entity={{ type: 'contract', id: contract.id }} />
    </>
  );
}
