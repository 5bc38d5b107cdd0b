import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageRole } from '@/lib/auth/page-gate';
import { roleAtLeast } from '@/lib/auth/roles';
import { listAuditLog } from '@/lib/db/admin/list-audit-log';
import { HistoryList } from '@/components/admin/history-list';

export const metadata: Metadata = { title: 'Overview' };

export default async function AdminHome() {
  const actor = await requirePageRole('viewer');
  const { entries } = await listAuditLog({ page: 1, entity: undefined, id: undefined });
  const canEdit = roleAtLeast(actor.role, 'editor');
  return (
    <>
      <h1>Admin</h1>
      <p className="lede">
        {canEdit
          ? <>Add a <Link href="/admin/plants/new">plant</Link>, a <Link href="/admin/contracts/new">contract</Link> or a <Link href="/admin/companies/new">company</Link>; record capacity figures and status changes on a plant’s page; or <Link href="/admin/import">import a spreadsheet</Link>. Every change is saved with its source and shows on the public pages at once.</>
          : <>You can read the admin area; ask an admin for the editor role to change data.</>}
      </p>
      <h2>Latest changes</h2>
      {entries.length ? <HistoryList entries={entries.slice(0, 10)} /> : <p>No changes recorded yet.</p>}
      <p><Link href="/admin/history">Full history</Link></p>
    </>
  );
}
