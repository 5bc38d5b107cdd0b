'use client';

import { useActionState } from 'react';
import { FormField } from './form-field';
import styles from './admin.module.css';

interface SignInState { error?: string; email?: string }

// Posts to better-auth's own endpoint (not a server action), so its database-backed rate limit
// applies to every attempt; the session cookie comes back on the response.
async function signIn(formData: FormData, enter: () => void): Promise<SignInState> {
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  if (!email || !password) return { error: 'Enter your email and password.', email };
  let response: Response;
  try {
    response = await fetch('/api/auth/sign-in/email', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
  } catch {
    return { error: 'The server could not be reached. Try again.', email };
  }
  if (response.ok) {
    enter();
    return { email };
  }
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (response.status === 429) {
    const wait = response.headers.get('x-retry-after');
    return { error: body.message ?? `Too many attempts. Try again in ${wait ?? 'a few'} seconds.`, email };
  }
  if (response.status === 401) return { error: 'Wrong email or password.', email };
  return { error: body.message ?? 'Sign-in failed.', email };
}

export function SignInForm() {
  // A full navigation, not router.replace: the client router may hold the earlier anonymous
  // redirect of /admin to this page, and the new session cookie must reach the server.
  const [state, action, pending] = useActionState((_prev: SignInState, formData: FormData) => signIn(formData, () => {
    window.location.assign('/admin');
  }), {});
  return (
    <form action={action} className={styles.form} noValidate>
      {state.error ? <div className={styles.alert} role="alert">{state.error}</div> : null}
      <FormField name="email" label="Email">{(a) => <input {...a} name="email" type="email" autoComplete="username" defaultValue={state.email} required />}</FormField>
      <FormField name="password" label="Password">{(a) => <input {...a} name="password" type="password" autoComplete="current-password" required />}</FormField>
      <div className={styles.actions}><button type="submit" className={styles.button} disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</button></div>
    </form>
  );
}
