// Who is calling the API: an API key from `Authorization: Bearer …` (checked against its stored
// hash on every request), or else the client's address. The rate limit counts per caller.
import { AppError } from '../errors';
import { type ApiKeyActor, authenticateApiKey } from '../db/api/authenticate-api-key';
import { API_KEY_PATTERN } from './api-key-format';

export interface ApiCaller {
  /** The rate limit's bucket: "key:<id>" or "ip:<address>". */
  bucket: string;
  apiKey: ApiKeyActor | null;
}

/**
 * The client's address: the first hop of X-Forwarded-For (set by the proxy in front of the app),
 * else X-Real-IP. Route handlers see no socket, so without a proxy header every caller shares
 * the bucket "ip:unknown" — deploy behind a proxy that sets X-Forwarded-For.
 */
export function clientAddress(headers: Headers): string {
  const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const candidate = first || headers.get('x-real-ip')?.trim() || '';
  // An address, not arbitrary text: IPv4/IPv6 characters only, bounded.
  return /^[0-9A-Fa-f:.]{2,45}$/.test(candidate) ? candidate.toLowerCase() : 'unknown';
}

export async function identifyCaller(request: Request): Promise<ApiCaller> {
  const authorization = request.headers.get('authorization');
  if (authorization === null) return { bucket: `ip:${clientAddress(request.headers)}`, apiKey: null };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!token || !API_KEY_PATTERN.test(token)) {
    throw new AppError('unauthorized', 'The Authorization header must be "Bearer <API key>" with a key from the admin area (vtk_…).');
  }
  const apiKey = await authenticateApiKey(token);
  if (!apiKey) throw new AppError('unauthorized', 'This API key is unknown or was revoked.');
  return { bucket: `key:${apiKey.keyId}`, apiKey };
}
