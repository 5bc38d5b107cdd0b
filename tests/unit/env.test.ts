import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from '@/lib/env';
import { poolConfigFromUrl } from '@/lib/db/connection-config';

describe('configuration', () => {
  it('accepts a PostgreSQL URL and applies defaults', () => {
    const env = readEnv({ DATABASE_URL: 'postgresql://u:p@db:5432/voltrack' } as unknown as NodeJS.ProcessEnv);
    expect(env.DATABASE_POOL_MAX).toBe(10);
  });
  it.each([
    [{}, /DATABASE_URL is not set/],
    [{ DATABASE_URL: 'not a url' }, /postgres:\/\/ or postgresql:\/\//],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /postgres:\/\/ or postgresql:\/\//],
    [{ DATABASE_URL: 'postgres://x@y/z', DATABASE_POOL_MAX: '0' }, /DATABASE_POOL_MAX/],
  ])('rejects %o with one clear line', (source, message) => {
    expect(() => readEnv(source as unknown as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => readEnv(source as unknown as NodeJS.ProcessEnv)).toThrow(message);
  });
  it('builds a pool config with a connection timeout, honouring the database name', () => {
    const config = poolConfigFromUrl('postgresql://me:s%40cret@127.0.0.1:6543/other?sslmode=require');
    expect(config).toMatchObject({ host: '127.0.0.1', port: 6543, user: 'me', password: 's@cret', database: 'other', connectionTimeoutMillis: 5000 });
    expect(config.ssl).toBeTruthy();
  });
});
