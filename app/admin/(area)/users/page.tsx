import type { Metadata } from 'next';
import { AdminForm } from '@/components/admin/admin-form';
import { ResetPasswordButton } from '@/components/admin/reset-password-button';
import { UserRowForm } from '@/components/admin/user-row-form';
import { requirePageRole } from '@/lib/auth/page-gate';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { listUsers } from '@/lib/db/admin/list-users';
import { createUserAction, resetPasswordAction, updateUserAction } from './actions';

export const metadata: Metadata = { title: 'Users' };

const NO_OPTIONS = { companies: [], regions: [], sources: [], plants: [] };

export default async function UsersPage() {
  const actor = await requirePageRole('admin');
  const users = await listUsers();
  return (
    <>
      <h1>Users</h1>
      <p className="lede">Admins manage users and data, editors manage data, viewers read the admin area. Changing a role or disabling an account signs that user out at once.</p>
      <table>
        <thead><tr><th>Name</th><th>Email</th><th>Role and status</th><th className="num">Sessions</th><th /></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}{u.id === actor.userId ? ' (you)' : ''}</td><td>{u.email}</td>
              <td><UserRowForm action={updateUserAction.bind(null, u.id)} user={u} /></td>
              <td className="num">{u.activeSessions}</td>
              <td><ResetPasswordButton action={resetPasswordAction} userId={u.id} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New user</h2>
      <AdminForm name="user-create" action={createUserAction} options={NO_OPTIONS} submitLabel="Create account" initial={{ role: 'editor' }}
        groups={[{ fields: [
          { kind: 'email', name: 'email', label: 'Email', required: true },
          { kind: 'text', name: 'name', label: 'Name', required: true },
          { kind: 'select', name: 'role', label: 'Role', required: true, options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })) },
        ] }]} />
    </>
  );
}
