import { feedHandler } from '@/lib/api/feed-handler';
import { apiRoute } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** The change feed at a short address for feed readers (same as /api/v1/changes.atom). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: feedHandler });
