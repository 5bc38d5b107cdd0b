import type { Metadata } from 'next';
import Link from 'next/link';
import { ListSearch } from '@/components/admin/list-search';
import { RecordButton } from '@/components/admin/record-button';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listAdminPlants } from '@/lib/db/admin/read-plants';
import { AdminListParamsSchema } from '@/lib/validation/admin-list';
import { restoreRecordAction } from '../actions';

export const metadata: Metadata = { title: 'Plants' };

export default async function AdminPlantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole('viewer');
  const params = AdminListParamsSchema.parse(await searchParams);
  const rows = await listAdminPlants(params);
  const canEdit = roleAtLeast(actor.role, 'editor');
  return (
    <>
      <h1>Plants</h1>
      <ListSearch q={params.q} deleted={params.deleted} path="/admin/plants" newHref="/admin/plants/new" newLabel="New plant" canEdit={canEdit} />
      {rows.length === 0 ? <p>No {params.deleted ? 'deleted ' : ''}plants match “{params.q}”.</p> : (
        <div className="table-wrap">
          <table>
            <caption>{rows.length} plant(s){rows.length === 300 ? ' (first 300; refine the search)' : ''}</caption>
            <thead><tr><th>Ref</th><th>Name</th><th>Operator</th><th>City</th><th>Country</th><th>Status</th><th /></tr></thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className={p.deleted ? styles.deleted : undefined}>
                  <td>{p.ref}</td>
                  <td><Link href={`/admin/plants/${p.id}`}>{p.name}</Link></td>
                  <td>{p.operator}</td><td>{p.city}</td><td>{p.country}</td><td>{p.status.replace('_', ' ')}</td>
                  <td>{p.deleted && canEdit ? <RecordButton action={restoreRecordAction} entity="plant" id={p.id} label="Restore" /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
