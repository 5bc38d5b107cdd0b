import { feedHandler } from '@/lib/api/feed-handler';
import { apiRoute } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiRoute({ GET: feedHandler });
