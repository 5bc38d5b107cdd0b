import type { Metadata } from 'next';
import Link from 'next/link';
import { RecordButton } from '@/components/admin/record-button';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listAdminRegions } from '@/lib/db/admin/read-regions';
import { AdminListParamsSchema } from '@/lib/validation/admin-list';
import { restoreRecordAction } from '../actions';

export const metadata: Metadata = { title: 'Regions' };

export default async function AdminRegionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole('viewer');
  const params = AdminListParamsSchema.parse(await searchParams);
  const rows = await listAdminRegions(params);
  const canEdit = roleAtLeast(actor.role, 'editor');
  return (
    <>
      <h1>Regions</h1>
      <p className={styles.actions}>
        <Link href={params.deleted ? '/admin/regions' : '/admin/regions?deleted=1'}>{params.deleted ? 'Show live regions' : 'Show deleted regions'}</Link>
        {canEdit ? <Link href="/admin/regions/new" className={styles.button}>New region</Link> : null}
      </p>
      <table>
        <caption>The region tree: macro-region → country → NUTS-1 → NUTS-2</caption>
        <thead><tr><th>Region</th><th>Level</th><th>Code</th><th className="num">Plants</th><th /></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.deleted ? styles.deleted : undefined}>
              <td style={{ paddingLeft: 10 + r.depth * 18 }}><Link href={`/admin/regions/${r.id}`}>{r.name}</Link></td>
              <td>{r.level}</td><td>{r.code ?? ''}</td><td className="num">{r.plants}</td>
              <td>{r.deleted && canEdit ? <RecordButton action={restoreRecordAction} entity="region" id={r.id} label="Restore" /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
