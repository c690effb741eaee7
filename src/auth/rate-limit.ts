/** Per-API-key request budgets in fixed windows, kept in memory or shared through Redis. */
import type { Redis } from 'ioredis';

/** Requests each API key may make per window unless configured otherwise. */
export const DEFAULT_REQUESTS_PER_WINDOW = 120;

const DEFAULT_WINDOW_MS = 60_000;
const DEFAULT_PREFIX = 'hithisis:rl:';
/** Redis keys outlive their window by this much, so clock skew between instances is harmless. */
const EXPIRY_MARGIN_MS = 5_000;

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests allowed per window. */
  limit: number;
  /** Requests left in this window after this one, never below 0. */
  remaining: number;
  /** Unix epoch seconds when the current window ends. */
  resetAt: number;
  /** 0 when allowed; otherwise whole seconds until `resetAt`, at least 1. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one request for `key` and decides whether it may proceed. */
  consume(key: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** Requests allowed per key per window, a positive integer. */
  limit: number;
  /** Window length in milliseconds; default 60_000. */
  windowMs?: number;
  /** Clock in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

export interface RedisRateLimitOptions extends RateLimitOptions {
  /** Prepended to every Redis key; default `'hithisis:rl:'`. */
  prefix?: string;
}

interface WindowPosition {
  window: number;
  nowMs: number;
  endMs: number;
}

function resolveOptions(options: RateLimitOptions) {
  const { limit, windowMs = DEFAULT_WINDOW_MS, now = Date.now } = options;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError('rate limit needs a positive integer limit');
  }
  if (!Number.isInteger(windowMs) || windowMs < 1) {
    throw new RangeError('rate limit needs a positive integer windowMs');
  }
  return { limit, windowMs, now };
}

function locate(nowMs: number, windowMs: number): WindowPosition {
  const window = Math.floor(nowMs / windowMs);
  return { window, nowMs, endMs: (window + 1) * windowMs };
}

// Refused requests are counted too: in a fixed window that changes no decision, and keeps
// the Redis path to one unconditional INCR.
function decide(count: number, limit: number, position: WindowPosition): RateLimitDecision {
  const allowed = count <= limit;
  const untilEndMs = position.endMs - position.nowMs;
  return {
    allowed,
    limit,
    remaining: Math.max(0, limit - count),
    resetAt: Math.ceil(position.endMs / 1000),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(untilEndMs / 1000)),
  };
}

/** Counters live in this process; only the current window is kept, so memory stays bounded. */
export function createMemoryRateLimiter(options: RateLimitOptions): RateLimiter {
  const { limit, windowMs, now } = resolveOptions(options);
  const counts = new Map<string, number>();
  let currentWindow: number | undefined;

  return {
    consume(key) {
      const position = locate(now(), windowMs);
      if (position.window !== currentWindow) {
        counts.clear();
        currentWindow = position.window;
      }

      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return Promise.resolve(decide(count, limit, position));
    },
    close() {
      counts.clear();
      return Promise.resolve();
    },
  };
}

async function incrementWithExpiry(redis: Redis, key: string, ttlMs: number): Promise<number> {
  const replies = await redis.multi().incr(key).pexpire(key, ttlMs).exec();
  const [incrError, count] = replies?.[0] ?? [new Error('rate limit transaction was aborted')];
  if (incrError) throw incrError;
  if (typeof count !== 'number') throw new TypeError('rate limit INCR returned a non-number');
  return count;
}

/**
 * Counters live in Redis, so every instance using the same prefix shares one budget. The caller
 * owns the connection; Redis errors reach the caller, which decides whether to fail open.
 */
export function createRedisRateLimiter(redis: Redis, options: RedisRateLimitOptions): RateLimiter {
  const { limit, windowMs, now } = resolveOptions(options);
  const prefix = options.prefix ?? DEFAULT_PREFIX;

  return {
    async consume(key) {
      const position = locate(now(), windowMs);
      const redisKey = `${prefix}${key}:${position.window}`;
      const ttlMs = position.endMs - position.nowMs + EXPIRY_MARGIN_MS;

      const count = await incrementWithExpiry(redis, redisKey, ttlMs);
      return decide(count, limit, position);
    },
    close() {
      return Promise.resolve();
    },
  };
}
