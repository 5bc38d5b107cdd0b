export interface PageCacheEntry { lastModified: number; value: unknown; cacheControl?: unknown }
export default class PageCacheHandler {
  constructor(options?: unknown);
  get(key: string, ctx: { kind: string }): Promise<PageCacheEntry | null>;
  set(key: string, data: ({ kind: string; html: string; headers?: Record<string, unknown> } & Record<string, unknown>) | null, ctx?: { cacheControl?: unknown }): Promise<void>;
  revalidateTag(): Promise<void>;
  resetRequestCache(): void;
}
export function resetPageCache(): Promise<void>;
