/** Admits a request: authenticates the key, then spends one unit of its rate-limit budget. */
import type { Db } from '../db/client.js';
import { ApiError } from '../errors.js';
import { authenticate, type Caller } from './authenticate.js';
import type { AdmissionLimiter } from './fail-open.js';
import type { RateLimitDecision } from './rate-limit.js';

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
  limiter: AdmissionLimiter;
}

/**
 * Refuses with 401, 403 or 429. When the limiter's store gives no decision the request is let
 * through without rate-limit headers (see fail-open.ts).
 */
export async function admit(
  deps: AdmissionDeps,
  authorization: string | undefined,
): Promise<Admission> {
  const caller = await authenticate(deps.db, authorization);
  const decision = await deps.limiter.consume(caller.apiKeyId);
  if (!decision) return { caller, headers: {} };
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
