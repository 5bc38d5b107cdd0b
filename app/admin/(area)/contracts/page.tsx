import type { Metadata } from 'next';
import Link from 'next/link';
import { ListSearch } from '@/components/admin/list-search';
import { RecordButton } from '@/components/admin/record-button';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listAdminContracts } from '@/lib/db/admin/read-contracts';
import { AdminListParamsSchema } from '@/lib/validation/admin-list';
import { restoreRecordAction } from '../actions';

export const metadata: Metadata = { title: 'Contracts' };

export default async function AdminContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole('viewer');
  const params = AdminListParamsSchema.parse(await searchParams);
  const rows = await listAdminContracts(params);
  const canEdit = roleAtLeast(actor.role, 'editor');
  return (
    <>
      <h1>Contracts</h1>
      <ListSearch q={params.q} deleted={params.deleted} path="/admin/contracts" newHref="/admin/contracts/new" newLabel="New contract" canEdit={canEdit} />
      {rows.length === 0 ? <p>No {params.deleted ? 'deleted ' : ''}contracts match “{params.q}”.</p> : (
        <table>
          <caption>{rows.length} contract(s)</caption>
          <thead><tr><th>Ref</th><th>Supplier</th><th>Buyer</th><th>Plant</th><th>Volume</th><th>Status</th><th /></tr></thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className={c.deleted ? styles.deleted : undefined}>
                <td><Link href={`/admin/contracts/${c.id}`}>{c.ref}</Link></td><td>{c.supplier}</td><td>{c.buyer}</td><td>{c.plant ?? '—'}</td>
                <td>{c.volume}</td><td>{c.status}</td>
                <td>{c.deleted && canEdit ? <RecordButton action={restoreRecordAction} entity="contract" id={c.id} label="Restore" /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
