import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryList } from '@/components/admin/history-list';
import { RecordButton } from '@/components/admin/record-button';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { HISTORY_PAGE_SIZE, listAuditLog } from '@/lib/db/admin/list-audit-log';
import { ENTITY_LABELS, ENTITY_TYPES, HistoryParamsSchema } from '@/lib/validation/history';
import { restoreRecordAction } from '../actions';

export const metadata: Metadata = { title: 'History' };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole('viewer');
  const params = HistoryParamsSchema.parse(await searchParams);
  const { entries, total } = await listAuditLog(params);
  const canRestore = roleAtLeast(actor.role, 'editor');
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const link = (page: number) => `/admin/history?${new URLSearchParams({ ...(params.entity ? { entity: params.entity } : {}), ...(params.id ? { id: params.id } : {}), page: String(page) })}`;
  return (
    <>
      <h1>Change history</h1>
      <p className="lede">Every change, who made it and when (UTC), as field: before → after. The log is append-only. Deleted records can be restored here.</p>
      <form method="get" action="/admin/history" className={styles.search}>
        <label htmlFor="entity">Show</label>
        <select id="entity" name="entity" defaultValue={params.entity ?? ''}>
          <option value="">all records</option>
          {ENTITY_TYPES.map((t) => <option key={t} value={t}>{ENTITY_LABELS[t]}</option>)}
        </select>
        <button type="submit" className={styles.secondary}>Filter</button>
        {params.id ? <span>Record #{params.id} · <Link href={params.entity ? `/admin/history?entity=${params.entity}` : '/admin/history'}>all of this kind</Link></span> : null}
      </form>
      {entries.length === 0 ? <p>No changes recorded{params.entity ? ` for ${ENTITY_LABELS[params.entity].toLowerCase()}s` : ''} yet.</p> : (
        <HistoryList entries={entries} restore={(e) => (e.restorable && canRestore
          ? <RecordButton action={restoreRecordAction} entity={e.entityType} id={e.entityId} label="Restore" />
          : null)} />
      )}
      {pages > 1 ? (
        <p className={styles.actions}>
          {params.page > 1 ? <Link href={link(params.page - 1)}>← newer</Link> : null}
          <span>page {params.page} of {pages}</span>
          {params.page < pages ? <Link href={link(params.page + 1)}>older →</Link> : null}
        </p>
      ) : null}
    </>
  );
}
