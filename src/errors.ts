/** The closed set of error codes, their HTTP statuses, and the error classes that carry them. */
import { GraphQLError } from 'graphql';

export const httpStatusOf = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_FAILED: 502,
  NOT_READY: 503,
  QUERY_TOO_COMPLEX: 400,
} as const;

export type ErrorCode = keyof typeof httpStatusOf;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(httpStatusOf, value);
}

export interface ApiErrorOptions {
  /** The input field that was rejected, for validation errors (in the caller's spelling). */
  field?: string;
  /** Response headers the error implies, such as Retry-After or Allow. */
  headers?: Record<string, string>;
}

/** An expected failure: safe to show, with a machine code and the status REST answers with. */
export class ApiError extends GraphQLError {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    const status = httpStatusOf[code];
    super(message, {
      extensions: {
        code,
        ...(options.field === undefined ? {} : { field: options.field }),
        http: { status, headers: options.headers ?? {} },
      },
    });
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.field = options.field;
    this.headers = options.headers ?? {};
  }
}

/** A rejected input value; `field` is the input path in GraphQL's camelCase. */
export class ValidationError extends ApiError {
  constructor(field: string, reason: string) {
    super('VALIDATION_FAILED', `${field}: ${reason}`, { field });
    this.name = 'ValidationError';
  }
}

/** Echoes at most 100 characters of what the caller sent. */
const clip = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);

export class NotFoundError extends ApiError {
  constructor(what: string) {
    super('NOT_FOUND', `${clip(what)} not found`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super('CONFLICT', message);
    this.name = 'ConflictError';
  }
}

export const notFound = (what: string) => new NotFoundError(what);
