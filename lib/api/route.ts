// The method table of an API route file: the handlers it has, 405 (with Allow) for the rest, HEAD
// from GET, and the CORS preflight. Route files export every method so that Next.js never answers
// on its own (its built-in 405 has no body).
import { AppError } from '../errors';
import { errorResponse, PREFLIGHT_HEADERS } from './http';
import { type ApiHandler, type RouteHandler, withApi } from './with-api';

export interface ApiRouteHandlers { GET?: ApiHandler; POST?: ApiHandler; PATCH?: ApiHandler }

export type ApiRoute = Record<'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', RouteHandler>;

export function apiRoute(handlers: ApiRouteHandlers): ApiRoute {
  const allow = [
    ...(handlers.GET ? ['GET', 'HEAD'] : []), 'OPTIONS', ...(handlers.POST ? ['POST'] : []), ...(handlers.PATCH ? ['PATCH'] : []),
  ];
  const notAllowed = (method: string): RouteHandler => async () =>
    errorResponse(new AppError('method_not_allowed', `${method} is not supported here; this address accepts ${allow.join(', ')}.`, { allow }));
  return {
    GET: handlers.GET ? withApi(handlers.GET) : notAllowed('GET'),
    HEAD: handlers.GET ? withApi(handlers.GET, { head: true }) : notAllowed('HEAD'),
    OPTIONS: async () => new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, allow: allow.join(', ') } }),
    POST: handlers.POST ? withApi(handlers.POST) : notAllowed('POST'),
    PUT: notAllowed('PUT'),
    PATCH: handlers.PATCH ? withApi(handlers.PATCH) : notAllowed('PATCH'),
    DELETE: notAllowed('DELETE'),
  };
}
