import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_HEAP_MB, serverNodeOptions } from '../../scripts/server-memory';

describe('the server’s heap bound', () => {
  it('adds the default limit to whatever NODE_OPTIONS holds', () => {
    expect(serverNodeOptions({})).toBe(`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`);
    expect(serverNodeOptions({ NODE_OPTIONS: '--enable-source-maps' })).toBe(`--enable-source-maps --max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`);
    expect(serverNodeOptions({ SERVER_HEAP_MB: '512' })).toBe('--max-old-space-size=512');
  });

  it('leaves an explicit limit alone and refuses nonsense', () => {
    expect(serverNodeOptions({ NODE_OPTIONS: '--max-old-space-size=1024', SERVER_HEAP_MB: '300' })).toBe('--max-old-space-size=1024');
    for (const bad of ['lots', '64', '1e3', '-1', '300.5']) expect(() => serverNodeOptions({ SERVER_HEAP_MB: bad })).toThrow(/SERVER_HEAP_MB/);
  });
});
