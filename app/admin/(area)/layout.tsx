import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageRole } from '@/lib/auth/page-gate';
import { ROLE_LABELS } from '@/lib/auth/roles';
import styles from '@/components/admin/admin.module.css';
import { signOutAction } from './actions';

// Every admin page reads the session and live data: never prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin · Voltrack' }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageRole('viewer');
  return (
    <div className={styles.shell}>
      <nav aria-label="Admin" className={styles.side}>
        <ul>
          <li><Link href="/admin">Overview</Link></li>
          <li><Link href="/admin/plants">Plants</Link></li>
          <li><Link href="/admin/companies">Companies</Link></li>
          <li><Link href="/admin/contracts">Contracts</Link></li>
          <li><Link href="/admin/sources">Sources</Link></li>
          <li><Link href="/admin/regions">Regions</Link></li>
          <li><Link href="/admin/import">Import</Link></li>
          <li><Link href="/admin/history">History</Link></li>
          {actor.role !== 'viewer' ? <li><Link href="/admin/api-keys">API keys</Link></li> : null}
          {actor.role === 'admin' ? <li><Link href="/admin/users">Users</Link></li> : null}
        </ul>
        <div className={styles.who}>
          <p>Signed in as <strong>{actor.name}</strong><br />{ROLE_LABELS[actor.role]}</p>
          <form action={signOutAction}><button type="submit" className={styles.secondary}>Sign out</button></form>
        </div>
      </nav>
      <div>{children}</div>
    </div>
  );
}
