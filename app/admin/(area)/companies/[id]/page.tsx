import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/admin-form';
import { EntityHistory } from '@/components/admin/entity-history';
import { COMPANY_FORM } from '@/components/admin/form-spec';
import { RecordButton } from '@/components/admin/record-button';
import { SavedNotice } from '@/components/admin/saved-notice';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { getCompanyForEdit } from '@/lib/db/admin/read-companies';
import { RouteIdSchema } from '@/lib/validation/admin-list';
import { deleteRecordAction, restoreRecordAction } from '../../actions';
import { updateCompanyAction } from '../actions';

export const metadata: Metadata = { title: 'Edit company' };

export default async function EditCompanyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageRole('viewer');
  const id = RouteIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [company, options, { saved }] = await Promise.all([getCompanyForEdit(id.data), listPickerOptions(), searchParams]);
  if (!company) notFound();
  const canEdit = roleAtLeast(actor.role, 'editor') && !company.deleted;
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/companies">Companies</Link></p>
      <h1>{company.name}</h1>
      <SavedNotice saved={saved} />
      {company.deleted ? <RecordButton action={restoreRecordAction} entity="company" id={company.id} label="Restore company" /> : null}
      {canEdit ? (
        <>
          <AdminForm name="company-edit" action={updateCompanyAction.bind(null, company.id)} groups={COMPANY_FORM} options={options}
            initial={company.values} hidden={{ version: company.values.version }} submitLabel="Save company" />
          <h2>Delete</h2>
          <RecordButton action={deleteRecordAction} entity="company" id={company.id} version={Number(company.values.version)} label="Delete company" danger confirm="Delete this company?" />
        </>
      ) : null}
      <EntityHistory entity={{ type: 'company', id: company.id }} />
    </>
  );
}
