// Shared by next.config.js (plain JavaScript) and lib/page-cache/routes.ts.

/**
 * The query parameters the Europe and region dashboards read (lib/validation/dashboard.ts). A
 * request without any of them shows the default view, whatever else its query holds.
 */
export const DASHBOARD_VIEW_PARAMS = ['group', 'scenario', 'asOf', 'year', 'w_op', 'w_uc', 'w_an', 'w_pa', 'pack', 'longTerm'];

/** The path segment of the default view (the empty query, as routes.ts encodes it). */
export const DEFAULT_STATE = 'Pw';

/**
 * next.config.js rewrites: the default dashboard and region views go straight to their cached
 * twins, without running middleware (proxy.ts handles requests with view parameters).
 */
export function defaultViewRewrites() {
  const missing = DASHBOARD_VIEW_PARAMS.map((key) => ({ type: 'query', key }));
  return [
    { source: '/', missing, destination: `/v/dashboard/${DEFAULT_STATE}` },
    { source: '/regions/:slug([a-z0-9-]+)', missing, destination: `/v/regions/:slug/${DEFAULT_STATE}` },
  ];
}
