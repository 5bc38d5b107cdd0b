import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';

// better-auth's endpoints (sign-in, sign-out, session, change-password); the instance is built on
// first request, so `next build` needs neither a database nor the secret.
export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(request);
}

export async function POST(request: Request) {
  return toNextJsHandler(auth()).POST(request);
}
