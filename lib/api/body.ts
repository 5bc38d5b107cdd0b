// JSON request bodies: size-capped, parsed, then validated with a zod schema; every problem is a
// 400 naming the field (dotted path) and why.
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../errors';

export const MAX_BODY_BYTES = 64 * 1024;

const invalid = (path: string, message: string) =>
  new AppError('invalid', `Invalid request body: ${message}.`, { fieldErrors: { [path]: [message] } });

async function readCapped(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw invalid('body', `larger than ${MAX_BODY_BYTES / 1024} KB`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw invalid('body', `larger than ${MAX_BODY_BYTES / 1024} KB`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalid('body', 'not valid UTF-8');
  }
}

export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw invalid('body', 'send JSON with Content-Type: application/json');
  const text = await readCapped(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('body', 'not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = Object.create(null);
  for (const issue of parsed.error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : 'body';
    (fieldErrors[path] ??= []).push(issue.message);
  }
  const [first] = Object.entries(fieldErrors);
  throw new AppError('invalid', `Invalid request body: ${first![0]}: ${first![1]![0]}.`, { fieldErrors });
}
