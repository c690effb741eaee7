/**
 * The rate limiter as admission uses it. A store that fails or stalls must not take the API
 * down with it: each decision comes within a deadline or not at all, and then the request is
 * let through uncounted. The outage is logged when it starts and when it ends, not per request.
 */
import type { Logger } from 'pino';
import type { RateLimitDecision, RateLimiter } from './rate-limit.js';

/** How long a request waits for its rate-limit decision before it is let through. */
export const decisionDeadlineMs = 1_000;

export interface AdmissionLimiter {
  /** The decision for one request of `key`, or null when the store cannot give one in time. */
  consume(key: string): Promise<RateLimitDecision | null>;
  close(): Promise<void>;
}

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => {
    clearTimeout(timer);
  });
}

export function failOpen(
  limiter: RateLimiter,
  log: Logger,
  deadlineMs = decisionDeadlineMs,
): AdmissionLimiter {
  let down = false;
  return {
    async consume(key) {
      try {
        const decision = await withinDeadline(limiter.consume(key), deadlineMs);
        if (down) log.warn('rate limiter store answers again; requests are counted');
        down = false;
        return decision;
      } catch (error) {
        if (!down) {
          log.error(
            { err: error },
            'rate limiter store unavailable; requests let through uncounted',
          );
        }
        down = true;
        return null;
      }
    },
    close: () => limiter.close(),
  };
}
