import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in-form';
import { getActor } from '@/lib/auth/session';

// Reads the session cookie: rendered per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function SignInPage() {
  if (await getActor()) redirect('/admin');
  return (
    <div style={{ maxWidth: 420 }}>
      <h1>Sign in</h1>
      <p className="lede">For Voltrack’s admins and editors. Accounts are created by an admin; there is no public sign-up.</p>
      <SignInForm />
    </div>
  );
}
