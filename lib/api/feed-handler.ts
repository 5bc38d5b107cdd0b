import { listChanges } from '../db/list-changes';
import { parseFeedQuery } from '../validation/api/changes';
import { atomFeed } from './atom';
import { resolveChangeFilters } from './change-filters';
import { originOf } from './http';
import type { ApiHandler } from './with-api';

/** The Atom feed of changes, served at /feed.xml and /api/v1/changes.atom. */
export const feedHandler: ApiHandler = async ({ request, url }) => {
  const q = parseFeedQuery(url.searchParams);
  const { filters, regionName } = await resolveChangeFilters(q);
  const { rows } = await listChanges(filters, { after: null, limit: q.limit });
  const origin = originOf(request);
  const scope = [regionName, ...q.company].filter(Boolean).join(', ') || null;
  return {
    type: 'file',
    contentType: 'application/atom+xml; charset=utf-8',
    body: atomFeed(rows, { selfUrl: `${origin}${url.pathname}${url.search}`, origin, scope }),
  };
};
