import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminForm } from '@/components/admin/admin-form';
import { EntityHistory } from '@/components/admin/entity-history';
import { COMPANY_FORM, COMPANY_LINK_FORM } from '@/components/admin/form-spec';
import { RecordButton } from '@/components/admin/record-button';
import { SavedNotice } from '@/components/admin/saved-notice';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listPickerOptions } from '@/lib/db/admin/list-picker-options';
import { type CompanyLinkFact, getCompanyForEdit } from '@/lib/db/admin/read-companies';
import { RouteIdSchema } from '@/lib/validation/admin-list';
import { deleteRecordAction, restoreRecordAction } from '../../actions';
import { recordCompanyLinkAction, updateCompanyAction } from '../actions';

export const metadata: Metadata = { title: 'Edit company' };

export default async function EditCompanyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requirePageRole('viewer');
  const id = RouteIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [company, options, { saved }] = await Promise.all([getCompanyForEdit(id.data), listPickerOptions(), searchParams]);
  if (!company) notFound();
  const canEdit = roleAtLeast(actor.role, 'editor') && !company.deleted;
  const today = new Date().toISOString().slice(0, 10);
  const links = (rows: CompanyLinkFact[], who: string) => (
    <table>
      <thead><tr><th>From</th><th>{who}</th><th className="num">Stake</th><th>Public since</th><th>Source</th><th /></tr></thead>
      <tbody>
        {rows.map((l) => (
          <tr key={l.id} className={l.deleted ? styles.deleted : undefined}>
            <td>{l.effectiveOn}</td><td>{l.company}{l.ended ? ' (sold out)' : ''}</td>
            <td className="num">{l.ended ? '—' : l.stakePct === null ? 'not published' : `${l.stakePct}%`}</td><td>{l.knownOn}</td><td>{l.source ?? '—'}</td>
            <td>{canEdit ? (l.deleted
              ? <RecordButton action={restoreRecordAction} entity="company_parent" id={l.id} label="Restore" />
              : <RecordButton action={deleteRecordAction} entity="company_parent" id={l.id} label="Delete" danger confirm="Delete this ownership fact?" />) : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
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
      <h2>Owners</h2>
      <p className="muted">Who held a stake in {company.name}, from which date. Capacity “by ultimate parent” follows these facts on every as-of date.</p>
      {company.owners.length ? links(company.owners, 'Owner') : <p>No owner recorded.</p>}
      {canEdit ? (
        <details>
          <summary>Record an owner’s stake or exit</summary>
          <AdminForm name="company-link" action={recordCompanyLinkAction.bind(null, company.id)} groups={COMPANY_LINK_FORM} options={options}
            initial={{ effectiveOn: today, datePrecision: 'day' }} submitLabel="Record ownership" />
        </details>
      ) : null}
      <h2>Holdings</h2>
      {company.holdings.length ? links(company.holdings, 'Company held') : <p>No stake in another company recorded.</p>}
      <EntityHistory entity={{ type: 'company', id: company.id }} />
    </>
  );
}
