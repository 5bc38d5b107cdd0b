import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/admin-form';
import { EntityHistory } from '@/components/admin/entity-history';
import { ANNOUNCEMENT_FORM, PLANT_EDIT_FORM, STATUS_EVENT_FORM } from '@/components/admin/form-spec';
import { LocationPreview } from '@/components/admin/location-preview';
import { RecordButton } from '@/components/admin/record-button';
import { SavedNotice } from '@/components/admin/saved-notice';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { getPlantForEdit } from '@/lib/db/admin/read-plants';
import { RouteIdSchema } from '@/lib/validation/admin-list';
import { deleteRecordAction, restoreRecordAction } from '../../actions';
import { addStatusEventAction, correctAnnouncementAction, createAnnouncementAction, updatePlantAction } from '../actions';
import { previewLocationAction } from '../preview-action';

export const metadata: Metadata = { title: 'Edit plant' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditPlantPage({ params, searchParams }: Props) {
  const actor = await requirePageRole('viewer');
  const id = RouteIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [plant, options, { saved }] = await Promise.all([getPlantForEdit(id.data), listPickerOptions(), searchParams]);
  if (!plant) notFound();
  const canEdit = roleAtLeast(actor.role, 'editor') && !plant.deleted;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <p className="breadcrumb"><Link href="/admin/plants">Plants</Link> · {plant.values.ref}</p>
      <h1>{plant.name}</h1>
      <SavedNotice saved={saved} />
      <p>
        Current status: <strong>{plant.status.replace('_', ' ')}</strong>
        {plant.deleted ? ' · deleted' : <> · <Link href={`/plants/${plant.slug}`}>public page</Link></>}
      </p>
      {plant.deleted ? <RecordButton action={restoreRecordAction} entity="plant" id={plant.id} label="Restore plant" /> : null}
      {canEdit ? (
        <AdminForm
          name="plant-edit" action={updatePlantAction.bind(null, plant.id)} groups={PLANT_EDIT_FORM} options={options}
          initial={plant.values} hidden={{ version: plant.values.version }} submitLabel="Save plant"
          preview={{ action: previewLocationAction, initial: <LocationPreview lat={plant.coordinates?.lat ?? NaN} lon={plant.coordinates?.lon ?? NaN} valid={plant.coordinates !== null} /> }}
        />
      ) : null}

      <h2>Status history</h2>
      <table>
        <thead><tr><th>Since</th><th>Status</th><th>Source</th><th>Note</th><th /></tr></thead>
        <tbody>
          {plant.events.map((e) => (
            <tr key={e.id} className={e.deleted ? styles.deleted : undefined}>
              <td>{e.effectiveOn}</td><td>{e.status.replace('_', ' ')}</td><td>{e.source ?? '—'}</td><td>{e.note ?? ''}</td>
              <td>{canEdit ? (e.deleted
                ? <RecordButton action={restoreRecordAction} entity="plant_status_event" id={e.id} label="Restore" />
                : <RecordButton action={deleteRecordAction} entity="plant_status_event" id={e.id} label="Delete" danger confirm="Delete this status change?" />) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit ? (
        <details>
          <summary>Record a status change</summary>
          <AdminForm name="status-event" action={addStatusEventAction.bind(null, plant.id)} groups={STATUS_EVENT_FORM} options={options}
            initial={{ effectiveOn: today, datePrecision: 'day' }} submitLabel="Add status change" />
        </details>
      ) : null}

      <h2>Capacity announcements</h2>
      <p className="muted">Figures are never overwritten. A newly announced figure is a new announcement; “correct” replaces a mistyped one (the old row is kept, deleted).</p>
      <table>
        <thead><tr><th>Announced</th><th>Target</th><th className="num">GWh/yr</th><th>Confidence</th><th>Source</th><th /></tr></thead>
        <tbody>
          {plant.announcements.map((a) => (
            <tr key={a.id} className={a.deleted ? styles.deleted : undefined}>
              <td>{a.announcedOn}</td><td>{a.scope === 'long_term' ? 'long-term' : a.targetYear}</td><td className="num">{a.gwhPerYear}</td>
              <td>{a.confidence}</td><td>{a.source ?? '—'}</td>
              <td>{canEdit ? (a.deleted
                ? <RecordButton action={restoreRecordAction} entity="capacity_announcement" id={a.id} label="Restore" />
                : (
                  <>
                    <RecordButton action={deleteRecordAction} entity="capacity_announcement" id={a.id} label="Delete" danger confirm="Delete this capacity figure?" />
                    <details>
                      <summary>Correct</summary>
                      <AdminForm name={`correct-${a.id}`} action={correctAnnouncementAction.bind(null, plant.id, a.id)} groups={ANNOUNCEMENT_FORM} options={options}
                        initial={{ scope: a.scope, targetYear: a.targetYear?.toString() ?? '', gwhPerYear: String(a.gwhPerYear), announcedOn: a.announcedOn, datePrecision: 'day', confidence: a.confidence, note: a.note ?? '', sourceId: a.sourceId?.toString() ?? '' }}
                        submitLabel="Replace with corrected figure" />
                    </details>
                  </>
                )) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit ? (
        <details open={plant.announcements.length === 0}>
          <summary>Add a capacity announcement</summary>
          <AdminForm name="announcement" action={createAnnouncementAction.bind(null, plant.id)} groups={ANNOUNCEMENT_FORM} options={options}
            initial={{ scope: 'milestone', announcedOn: today, datePrecision: 'day', confidence: 'medium' }} submitLabel="Add announcement" />
        </details>
      ) : null}

      {canEdit ? (
        <>
          <h2>Delete</h2>
          <RecordButton action={deleteRecordAction} entity="plant" id={plant.id} version={Number(plant.values.version)} label="Delete plant" danger
            confirm="Delete this plant? It disappears from public pages; you can restore it from the history." />
        </>
      ) : null}

      <EntityHistory entity={{ type: 'plant', id: plant.id }} title="Change history" />
    </>
  );
}
