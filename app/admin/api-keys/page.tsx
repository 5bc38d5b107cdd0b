import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/admin/admin.module.css';
import { requirePageRole } from '@/lib/auth/page-gate';
import { listApiKeys } from '@/lib/db/api/list-api-keys';
import { readEnv } from '@/lib/env';
import { createApiKeyAction, revokeApiKeyAction } from './actions';
import { CreateKeyForm } from './create-key-form';
import { RevokeButton } from './revoke-button';

export const metadata: Metadata = { title: 'API keys · Admin', robots: { index: false } };
export const dynamic = 'force-dynamic';

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');

export default async function ApiKeysPage() {
  const actor = await requirePageRole('editor');
  const [keys, env] = [await listApiKeys(), readEnv()];
  return (
    <>
      <p className="breadcrumb"><Link href="/admin">Admin</Link> / API keys</p>
      <h1>API keys</h1>
      <p className="lede">
        Reading the <Link href="/api">public API</Link> needs no key; a key gives a program its own rate limit
        ({env.API_RATE_LIMIT} requests per {env.API_RATE_LIMIT_WINDOW_SECONDS} s) and, with the write scope, lets it add capacity
        announcements as you — same rules and audit trail as the forms. Send it as <code>Authorization: Bearer vtk_…</code>.
        {actor.role === 'admin' ? ' As an admin you see and can revoke everyone’s keys.' : ''}
      </p>
      {keys.length === 0 ? <p>No API keys yet.</p> : (
        <div className="table-wrap">
          <table>
            <caption>Keys, live ones first; only the prefix is stored readable</caption>
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Scopes</th><th scope="col">Owner</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th></tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? styles.deleted : undefined}>
                  <td>{k.name}</td>
                  <td><code>{k.prefix}_…</code></td>
                  <td>{k.scopes.join(', ')}</td>
                  <td>{k.mine ? 'you' : `${k.owner.name} (${k.owner.email})`}</td>
                  <td>{when(k.createdAt)}</td>
                  <td>{when(k.lastUsedAt)}</td>
                  <td>{k.revokedAt ? `revoked ${when(k.revokedAt)}${k.revokedBy ? ` by ${k.revokedBy}` : ''}` : <RevokeButton action={revokeApiKeyAction} id={k.id} label={`${k.name} (${k.prefix})`} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>New key</h2>
      <CreateKeyForm action={createApiKeyAction} />
    </>
  );
}
