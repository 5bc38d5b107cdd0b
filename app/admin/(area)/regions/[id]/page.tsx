import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/admin-form';
import { REGION_EDIT_FORM } from '@/components/admin/form-spec';
import { RecordButton } from '@/components/admin/record-button';
import { SavedNotice } from '@/components/admin/saved-notice';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { getRegionForEdit } from '@/lib/db/admin/read-regions';
import { RouteIdSchema } from '@/lib/validation/admin-list';
import { deleteRecordAction, restoreRecordAction } from '../../actions';
import { updateRegionAction } from '../actions';

export const metadata: Metadata = { title: 'Edit region' };

export default async function EditRegionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageRole('viewer');
  const id = RouteIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [region, options, { saved }] = await Promise.all([getRegionForEdit(id.data), listPickerOptions(), searchParams]);
  if (!region) notFound();
  const canEdit = roleAtLeast(actor.role, 'editor') && !region.deleted;
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/regions">Regions</Link></p>
      <h1>{region.name}</h1>
      <SavedNotice saved={saved} />
      <p>Level {region.level}, path <code>{region.path}</code>. The slug, level and parent are fixed (they make the public links). <Link href={`/admin/history?entity=region&id=${region.id}`}>Change history</Link></p>
      {region.deleted ? <RecordButton action={restoreRecordAction} entity="region" id={region.id} label="Restore region" /> : null}
      {canEdit ? (
        <>
          <AdminForm name="region-edit" action={updateRegionAction.bind(null, region.id)} groups={REGION_EDIT_FORM} options={options}
            initial={region.values} hidden={{ version: region.values.version }} submitLabel="Save region" />
          {region.level !== 'macro' ? (
            <>
              <h2>Delete</h2>
              <RecordButton action={deleteRecordAction} entity="region" id={region.id} version={Number(region.values.version)} label="Delete region" danger confirm="Delete this region?" />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
