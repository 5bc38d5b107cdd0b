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
  if (error instanceof AppError) {
    const body: ErrorBody = {
      error: { code: error.code, message: error.message, issues: issuesOf(error.fieldErrors), fieldErrors: error.fieldErrors, details: error.details },
    };
    const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
    if (error.code === 'rate_limited' && error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
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

function defaultLog(id: string, error: unknown) {
  console.error(`[error ${id}]`, error);
}
