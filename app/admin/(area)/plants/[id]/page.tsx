import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/admin-form';
import { EntityHistory } from '@/components/admin/entity-history';
import { ANNOUNCEMENT_FORM, OPERATOR_CHANGE_FORM, PARTNER_FACT_FORM, PLANT_EDIT_FORM, STATUS_EVENT_FORM } from '@/components/admin/form-spec';
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
import {
  addStatusEventAction, correctAnnouncementAction, createAnnouncementAction, recordOperatorChangeAction, recordPartnerFactAction, updatePlantAction,
} from '../actions';
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
        {plant.operators.find((o) => !o.deleted) ? <> · operator: <strong>{plant.operators.find((o) => !o.deleted)!.company}</strong></> : null}
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
        <thead><tr><th>Since</th><th>Status</th><th>Public since</th><th>Source</th><th>Note</th><th /></tr></thead>
        <tbody>
          {plant.events.map((e) => (
            <tr key={e.id} className={e.deleted ? styles.deleted : undefined}>
              <td>{e.effectiveOn}</td><td>{e.status.replace('_', ' ')}</td><td>{e.knownOn}</td><td>{e.source ?? '—'}</td><td>{e.note ?? ''}</td>
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

      <h2>Operators</h2>
      <p className="muted">Each row is the operator from a date. A sale or takeover is a new row; views before its date still show the earlier operator.</p>
      <table>
        <thead><tr><th>From</th><th>Operator</th><th>Public since</th><th>Source</th><th>Note</th><th /></tr></thead>
        <tbody>
          {plant.operators.map((o) => (
            <tr key={o.id} className={o.deleted ? styles.deleted : undefined}>
              <td>{o.effectiveOn}</td><td>{o.company}</td><td>{o.knownOn}</td><td>{o.source ?? '—'}</td><td>{o.note ?? ''}</td>
              <td>{canEdit ? (o.deleted
                ? <RecordButton action={restoreRecordAction} entity="plant_operator" id={o.id} label="Restore" />
                : <RecordButton action={deleteRecordAction} entity="plant_operator" id={o.id} label="Delete" danger confirm="Delete this operator fact?" />) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit ? (
        <details>
          <summary>Record a change of operator</summary>
          <AdminForm name="operator-change" action={recordOperatorChangeAction.bind(null, plant.id)} groups={OPERATOR_CHANGE_FORM} options={options}
            initial={{ effectiveOn: today, datePrecision: 'day' }} submitLabel="Record operator change" />
        </details>
      ) : null}

      <h2>Partners and stakes</h2>
      <p className="muted">Each row is a partner’s stake from a date; a later row for the same partner replaces it, and an “ended” row records its exit.</p>
      <table>
        <thead><tr><th>From</th><th>Partner</th><th>Role</th><th className="num">Stake</th><th>Public since</th><th>Source</th><th /></tr></thead>
        <tbody>
          {plant.partners.map((x) => (
            <tr key={x.id} className={x.deleted ? styles.deleted : undefined}>
              <td>{x.effectiveOn}</td><td>{x.company}{x.ended ? ' (left)' : ''}</td><td>{x.role.replace(/_/g, ' ')}</td>
              <td className="num">{x.stakePct === null ? 'not published' : `${x.stakePct}%`}</td><td>{x.knownOn}</td><td>{x.source ?? '—'}</td>
              <td>{canEdit ? (x.deleted
                ? <RecordButton action={restoreRecordAction} entity="plant_partner" id={x.id} label="Restore" />
                : <RecordButton action={deleteRecordAction} entity="plant_partner" id={x.id} label="Delete" danger confirm="Delete this partner fact?" />) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit ? (
        <details>
          <summary>Record a partner’s stake or exit</summary>
          <AdminForm name="partner-fact" action={recordPartnerFactAction.bind(null, plant.id)} groups={PARTNER_FACT_FORM} options={options}
            initial={{ effectiveOn: today, datePrecision: 'day', role: 'jv_partner' }} submitLabel="Record partner fact" />
        </details>
      ) : null}

      <h2>Capacity announcements</h2>
      <p className="muted">Figures are never overwritten. A newly announced figure is a new announcement; “correct” replaces a mistyped one (the old row is kept, deleted).</p>
      <table>
        <thead><tr><th>Announced</th><th>Public since</th><th>Target</th><th className="num">GWh/yr</th><th>Confidence</th><th>Source</th><th /></tr></thead>
        <tbody>
          {plant.announcements.map((a) => (
            <tr key={a.id} className={a.deleted ? styles.deleted : undefined}>
              <td>{a.announcedOn}</td><td>{a.knownOn}</td><td>{a.scope === 'long_term' ? 'long-term' : a.targetYear}</td><td className="num">{a.gwhPerYear}</td>
              <td>{a.confidence}</td><td>{a.source ?? '—'}</td>
              <td>{canEdit ? (a.deleted
                ? <RecordButton action={restoreRecordAction} entity="capacity_announcement" id={a.id} label="Restore" />
                : (
                  <>
                    <RecordButton action={deleteRecordAction} entity="capacity_announcement" id={a.id} label="Delete" danger confirm="Delete this capacity figure?" />
                    <details>
                      <summary>Correct</summary>
                      <AdminForm name={`correct-${a.id}`} action={correctAnnouncementAction.bind(null, plant.id, a.id)} groups={ANNOUNCEMENT_FORM} options={options}
                        initial={{ scope: a.scope, targetYear: a.targetYear?.toString() ?? '', gwhPerYear: String(a.gwhPerYear), announcedOn: a.announcedOn, knownOn: a.knownOn, datePrecision: 'day', confidence: a.confidence, note: a.note ?? '', sourceId: a.sourceId?.toString() ?? '' }}
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
