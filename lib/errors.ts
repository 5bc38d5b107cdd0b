// One error type for expected failures, shared by the data layer, server actions and the
// public API. Codes map to HTTP statuses in one place (toHttpResponse); anything that is not
// an AppError is a bug and answers 500 with an error id, never a stack trace.

export const APP_ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** Field name → messages, as z.flattenError(...).fieldErrors gives them. */
export type FieldErrors = Record<string, string[] | undefined>;

export interface AppErrorOptions {
  /** Per-field messages for `invalid`. */
  fieldErrors?: FieldErrors;
  /** Serializable detail a client may show (e.g. a conflict's who/when/values). */
  details?: Record<string, unknown>;
  /** Seconds until a `rate_limited` caller may retry. */
  retryAfter?: number;
  /** The methods a `method_not_allowed` route does support (the `Allow` header). */
  allow?: string[];
  cause?: unknown;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;
  readonly retryAfter?: number;
  readonly allow?: string[];

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
    this.allow = options.allow;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

// The database could not be reached or went away: Prisma's connection error codes (can't reach,
// timed out, connection closed, no pool connection in time), the pg driver adapter's error kinds,
// and pg's own messages where no adapter wrapped them (a connection attempt that timed out).
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT']);
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNREACHABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Query read timeout|canceling statement due to statement timeout/;

/** True when `error`, or an error it was caused by, says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: { kind?: unknown }; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
    if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
    const kind = e.meta?.driverAdapterError?.cause?.kind ?? e.cause?.kind;
    if (typeof kind === 'string' && UNREACHABLE_KINDS.has(kind)) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client is asked to wait before retrying while the database is away. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** The `unavailable` error for a database fault, keeping the fault as its cause. */
export function databaseUnavailable(cause: unknown): AppError {
  return new AppError('unavailable', 'The data is temporarily unavailable: the database cannot be reached. Please try again in a moment.', {
    retryAfter: UNAVAILABLE_RETRY_SECONDS, cause,
  });
}

/** One problem with one input: `path` names the parameter or field ("region", "source.url"). */
export interface ErrorIssue { path: string; message: string }

export interface ErrorBody {
  error: {
    code: AppErrorCode | 'internal'; message: string; id?: string;
    /** Always present (empty when the error is not about an input): the public API's one error shape. */
    issues: ErrorIssue[];
    fieldErrors?: FieldErrors; details?: Record<string, unknown>;
  };
}

/** fieldErrors as a flat list, in field order. */
export function issuesOf(fieldErrors: FieldErrors | undefined): ErrorIssue[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([path, messages]) => (messages ?? []).map((message) => ({ path, message })));
}

/**
 * The HTTP answer for any thrown value. Unexpected errors are logged with an id that the
 * client also receives, so a report can be matched to the log.
 */
export function toHttpResponse(error: unknown, log: (id: string, error: unknown) => void = defaultLog): Response {
  // A database outage is not a bug in the request: 503, so clients retry, and no error id.
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    console.warn(`[unavailable] ${describe(error)}`);
    return toHttpResponse(databaseUnavailable(error), log);
  }
  if (error instanceof AppError) {
    const body: ErrorBody = {
      error: { code: error.code, message: error.message, issues: issuesOf(error.fieldErrors), fieldErrors: error.fieldErrors, details: error.details },
    };
    const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
    if ((error.code === 'rate_limited' || error.code === 'unavailable') && error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
    if (error.code === 'method_not_allowed' && error.allow) headers.allow = error.allow.join(', ');
    return new Response(JSON.stringify(body), { status: error.status, headers });
  }
  const id = crypto.randomUUID();
  log(id, error);
  const body: ErrorBody = { error: { code: 'internal', message: 'Something went wrong on our side.', id, issues: [] } };
  return new Response(JSON.stringify(body), {
    status: 500, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/** One line for the log: the last line of the innermost message (Prisma puts the driver's reason there). */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) messages.push(e.message);
  return (messages.reverse().find((m) => m.trim()) ?? String(error)).trim().split('\n').at(-1)!.slice(0, 200);
}

function defaultLog(id: string, error: unknown) {
  console.error(`[error ${id}]`, error);
}
