import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/admin-form';
import { SOURCE_FORM } from '@/components/admin/form-spec';
import { RecordButton } from '@/components/admin/record-button';
import { SavedNotice } from '@/components/admin/saved-notice';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { getSourceForEdit } from '@/lib/db/admin/read-sources';
import { RouteIdSchema } from '@/lib/validation/admin-list';
import { deleteRecordAction, restoreRecordAction } from '../../actions';
import { updateSourceAction } from '../actions';

export const metadata: Metadata = { title: 'Edit source' };

export default async function EditSourcePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageRole('viewer');
  const id = RouteIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [source, options, { saved }] = await Promise.all([getSourceForEdit(id.data), listPickerOptions(), searchParams]);
  if (!source) notFound();
  const canEdit = roleAtLeast(actor.role, 'editor') && !source.deleted;
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/sources">Sources</Link></p>
      <h1>{source.title}</h1>
      <SavedNotice saved={saved} />
      <p><Link href={`/admin/history?entity=source&id=${source.id}`}>Change history</Link></p>
      {source.deleted ? <RecordButton action={restoreRecordAction} entity="source" id={source.id} label="Restore source" /> : null}
      {canEdit ? (
        <>
          <AdminForm name="source-edit" action={updateSourceAction.bind(null, source.id)} groups={SOURCE_FORM} options={options}
            initial={source.values} hidden={{ version: source.values.version }} submitLabel="Save source" />
          <h2>Delete</h2>
          <RecordButton action={deleteRecordAction} entity="source" id={source.id} version={Number(source.values.version)} label="Delete source" danger confirm="Delete this source?" />
        </>
      ) : null}
    </>
  );
}
