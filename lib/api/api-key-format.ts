// API keys: "vtk_" + 8 characters of public prefix + "_" + 43 characters of secret (32 random
// bytes, base64url). Only the SHA-256 of the whole key is stored; the prefix identifies it in lists.
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PATTERN = /^vtk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const bytes = randomBytes(8);
  const id = Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
  const prefix = `vtk_${id}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The prefix of a well-formed key ("vtk_AbCd1234"). */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 12);
}
