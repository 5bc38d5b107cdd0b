// Server configuration, parsed once. Bad values fail with one line naming the variable.
import { z } from 'zod';

const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set (npm start sets it for the embedded database)' })
    .refine((v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol), {
      error: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
    }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // A query that gets no answer in this time fails (a stalled database must not hang requests).
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Signs session cookies. Optional here so public pages run without it; sign-in requires it (lib/auth). */
  BETTER_AUTH_SECRET: z.string().min(32, { error: 'BETTER_AUTH_SECRET must be at least 32 characters (openssl rand -hex 32)' }).optional(),
  /** The app's public origin, e.g. https://voltrack.example; inferred from each request when unset. */
  BETTER_AUTH_URL: z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { error: 'BETTER_AUTH_URL must be an http(s) URL' })
    .optional(),
  /** Public API: requests one client (address or API key) may make per window, across all instances. */
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`configuration: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
