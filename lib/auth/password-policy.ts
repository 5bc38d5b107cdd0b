// Password rules (NIST SP 800-63B §3.1.1.2): at least 12 characters, at most 128, and not a
// well-known password. No composition rules. Pure, so the form, the CLI and better-auth's
// endpoints apply the same check.
import { z } from 'zod';
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n'));
  return common;
}

/** True when the password is a listed one, a listed one repeated, or a listed one plus ≤ 6 digits/symbols (a year and a "!"). */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const p = password.toLowerCase();
  if (list.has(p)) return true;
  if (/^(.)\1*$/.test(p)) return true;
  const repeated = /^(.+?)\1+$/.exec(p);
  if (repeated && list.has(repeated[1]!)) return true;
  const padded = /^(.*?)[\d\W_]{1,6}$/.exec(p);
  if (padded && padded[1]!.length >= 4 && list.has(padded[1]!)) return true;
  return false;
}

export interface PasswordContext { email?: string | null; name?: string | null }

/** The first rule the password breaks, as a sentence for the person typing it, or null. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) return 'This password is too common; choose another one (a few unrelated words work well).';
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password.';
  return null;
}

export const NewPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
