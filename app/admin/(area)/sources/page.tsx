import type { Metadata } from 'next';
import Link from 'next/link';
import { ListSearch } from '@/components/admin/list-search';
import { RecordButton } from '@/components/admin/record-button';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listAdminSources } from '@/lib/db/admin/read-sources';
import { AdminListParamsSchema } from '@/lib/validation/admin-list';
import { restoreRecordAction } from '../actions';

export const metadata: Metadata = { title: 'Sources' };

export default async function AdminSourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole('viewer');
  const params = AdminListParamsSchema.parse(await searchParams);
  const rows = await listAdminSources(params);
  const canEdit = roleAtLeast(actor.role, 'editor');
  return (
    <>
      <h1>Sources</h1>
      <ListSearch q={params.q} deleted={params.deleted} path="/admin/sources" newHref="/admin/sources/new" newLabel="New source" canEdit={canEdit} />
      {rows.length === 0 ? <p>No {params.deleted ? 'deleted ' : ''}sources match “{params.q}”.</p> : (
        <table>
          <caption>{rows.length} source(s){rows.length === 300 ? ' (first 300; refine the search)' : ''}</caption>
          <thead><tr><th>Published</th><th>Publisher</th><th>Title</th><th /></tr></thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className={s.deleted ? styles.deleted : undefined}>
                <td>{s.publishedOn ?? '—'}</td><td>{s.publisher}</td><td><Link href={`/admin/sources/${s.id}`}>{s.title}</Link></td>
                <td>{s.deleted && canEdit ? <RecordButton action={restoreRecordAction} entity="source" id={s.id} label="Restore" /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
