import type { Metadata } from 'next';
import Link from 'next/link';
import { ListSearch } from '@/components/admin/list-search';
import { RecordButton } from '@/components/admin/record-button';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listAdminCompanies } from '@/lib/db/admin/read-companies';
import { AdminListParamsSchema } from '@/lib/validation/admin-list';
import { restoreRecordAction } from '../actions';

export const metadata: Metadata = { title: 'Companies' };

export default async function AdminCompaniesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole('viewer');
  const params = AdminListParamsSchema.parse(await searchParams);
  const rows = await listAdminCompanies(params);
  const canEdit = roleAtLeast(actor.role, 'editor');
  return (
    <>
      <h1>Companies</h1>
      <ListSearch q={params.q} deleted={params.deleted} path="/admin/companies" newHref="/admin/companies/new" newLabel="New company" canEdit={canEdit} />
      {rows.length === 0 ? <p>No {params.deleted ? 'deleted ' : ''}companies match “{params.q}”.</p> : (
        <table>
          <caption>{rows.length} compan{rows.length === 1 ? 'y' : 'ies'}</caption>
          <thead><tr><th>Name</th><th>Origin</th><th>Status</th><th className="num">Plants</th><th /></tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className={c.deleted ? styles.deleted : undefined}>
                <td><Link href={`/admin/companies/${c.id}`}>{c.name}</Link></td><td>{c.origin}</td><td>{c.status}</td><td className="num">{c.plants}</td>
                <td>{c.deleted && canEdit ? <RecordButton action={restoreRecordAction} entity="company" id={c.id} label="Restore" /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
