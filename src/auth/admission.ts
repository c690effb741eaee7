/** Admits a request: authenticates the key, then spends one unit of its rate-limit budget. */
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { ApiError } from '../errors.js';
import { authenticate, type Caller } from './authenticate.js';
import type { RateLimitDecision, RateLimiter } from './rate-limit.js';

export interface Admission {
  caller: Caller;
  /** X-RateLimit-* headers every authenticated response carries. */
  headers: Record<string, string>;
}

function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetAt),
  };
}

export interface AdmissionDeps {
  db: Db;
  limiter: RateLimiter;
  log: Logger;
}

/**
 * Refuses with 401, 403 or 429. When the limiter's store is down the request is let through
 * without headers and the failure logged: a lost counter must not take the API down with it.
 */
export async function admit(
  deps: AdmissionDeps,
  authorization: string | undefined,
): Promise<Admission> {
  const caller = await authenticate(deps.db, authorization);
  let decision: RateLimitDecision;
  try {
    decision = await deps.limiter.consume(caller.apiKeyId);
  } catch (error) {
    deps.log.error({ err: error }, 'rate limiter unavailable; request let through');
    return { caller, headers: {} };
  }
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    throw new ApiError(
      'RATE_LIMITED',
      `Rate limit of ${decision.limit} requests per minute exceeded; ` +
        `retry after ${decision.retryAfterSeconds}s`,
      { headers: { ...headers, 'Retry-After': String(decision.retryAfterSeconds) } },
    );
  }
  return { caller, headers };
}
