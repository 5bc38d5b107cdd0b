// For admin pages: anonymous visitors go to the sign-in page, a too-low role sees a 404 (so
// admin URLs don't leak). Comfort only: the data layer checks the role again on every call.
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { type Role, roleAtLeast } from './roles';
import { type Actor, getActor } from './session';

export async function requirePageRole(role: Role): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/admin/sign-in');
  if (!roleAtLeast(actor.role, role)) notFound();
  return actor;
}
