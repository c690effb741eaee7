/** Behaviour of the per-API-key rate limiter, in memory and against a real Redis. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, testRedisUrl } from '../support/redis.js';
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  DEFAULT_REQUESTS_PER_WINDOW,
} from '../../src/auth/rate-limit.js';
import type {
  RateLimitDecision,
  RateLimiter,
  RateLimitOptions,
} from '../../src/auth/rate-limit.js';

type CreateLimiter = (options: RateLimitOptions) => RateLimiter;

const minute = 60_000;
const windowStart = Date.UTC(2030, 0, 1, 12, 0);

const redisReachable = await redisAvailable();

function createClock(startMs: number) {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    set: (ms: number) => {
      nowMs = ms;
    },
  };
}

async function consumeTimes(limiter: RateLimiter, key: string, times: number) {
  const decisions: RateLimitDecision[] = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.consume(key));
  return decisions;
}

async function deleteKeysMatching(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

function describeLimiterBehaviour(createLimiter: CreateLimiter) {
  const limit = DEFAULT_REQUESTS_PER_WINDOW;

  it('allows the 120th request in a window', async () => {
    const limiter = createLimiter({ limit, now: () => windowStart });

    const decisions = await consumeTimes(limiter, 'key-a', 120);

    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    expect(decisions.at(-1)).toMatchObject({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
  });

  it('refuses the 121st request with retryAfterSeconds set to the seconds left', async () => {
    const limiter = createLimiter({ limit, now: () => windowStart + 45_000 });
    await consumeTimes(limiter, 'key-a', 120);

    const refused = await limiter.consume('key-a');

    expect(refused).toMatchObject({ allowed: false, limit: 120, remaining: 0 });
    expect(refused.retryAfterSeconds).toBe(15);
  });

  it('rounds a partial second left in the window up in retryAfterSeconds', async () => {
    const limiter = createLimiter({ limit: 1, now: () => windowStart + minute - 200 });
    await limiter.consume('key-a');

    const refused = await limiter.consume('key-a');

    expect(refused.retryAfterSeconds).toBe(1);
  });

  it('counts remaining down with each request', async () => {
    const limiter = createLimiter({ limit, now: () => windowStart });

    const decisions = await consumeTimes(limiter, 'key-a', 3);

    expect(decisions.map((decision) => decision.remaining)).toEqual([119, 118, 117]);
  });

  it('reports resetAt as the window end in Unix seconds', async () => {
    const limiter = createLimiter({ limit, now: () => windowStart + 10_000 });

    const decision = await limiter.consume('key-a');

    expect(decision.resetAt).toBe((windowStart + minute) / 1000);
  });

  it('restores the budget in a new window', async () => {
    const clock = createClock(windowStart + 30_000);
    const limiter = createLimiter({ limit: 3, now: clock.now });
    await consumeTimes(limiter, 'key-a', 4);

    clock.set(windowStart + minute);
    const decision = await limiter.consume('key-a');

    expect(decision).toMatchObject({ allowed: true, remaining: 2 });
    expect(decision.resetAt).toBe((windowStart + 2 * minute) / 1000);
  });

  it('keeps a separate budget for each key', async () => {
    const limiter = createLimiter({ limit: 3, now: () => windowStart });
    await consumeTimes(limiter, 'key-a', 4);

    const decision = await limiter.consume('key-b');

    expect(decision).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('honours the limit option', async () => {
    const limiter = createLimiter({ limit: 3, now: () => windowStart });

    const decisions = await consumeTimes(limiter, 'key-a', 4);

    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((decision) => decision.limit)).toEqual([3, 3, 3, 3]);
  });
}

describe('memory rate limiter', () => {
  describeLimiterBehaviour(createMemoryRateLimiter);

  it('rejects a limit that is not a positive integer', () => {
    expect(() => createMemoryRateLimiter({ limit: 0 })).toThrow(RangeError);
  });
});

describe.skipIf(!redisReachable)('redis rate limiter', () => {
  const runPrefix = `hithisis:test:rl:${randomUUID()}:`;
  let redis: Redis;
  let limiterCount = 0;

  beforeAll(() => {
    redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    if (!redisReachable) return;
    await deleteKeysMatching(redis, `${runPrefix}*`);
    await redis.quit();
  });

  // Each limiter gets its own prefix so tests sharing a clock and key never share counters.
  describeLimiterBehaviour((options) => {
    limiterCount += 1;
    return createRedisRateLimiter(redis, { ...options, prefix: `${runPrefix}${limiterCount}:` });
  });

  it('shares one budget between instances on separate connections', async () => {
    const otherConnection = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
    const options = { limit: 3, now: () => windowStart, prefix: `${runPrefix}shared:` };
    const first = createRedisRateLimiter(redis, options);
    const second = createRedisRateLimiter(otherConnection, options);

    try {
      await consumeTimes(first, 'key-a', 2);
      const third = await second.consume('key-a');
      const fourth = await first.consume('key-a');

      expect(third).toMatchObject({ allowed: true, remaining: 0 });
      expect(fourth).toMatchObject({ allowed: false, remaining: 0 });
    } finally {
      await otherConnection.quit();
    }
  });

  it('stores a counter per key and window that expires shortly after the window', async () => {
    const prefix = `${runPrefix}layout:`;
    const limiter = createRedisRateLimiter(redis, { limit: 3, now: () => windowStart, prefix });

    await limiter.consume('key-a');

    const redisKey = `${prefix}key-a:${windowStart / minute}`;
    expect(await redis.get(redisKey)).toBe('1');
    expect(await redis.pttl(redisKey)).toBeGreaterThan(minute - 1000);
    expect(await redis.pttl(redisKey)).toBeLessThanOrEqual(2 * minute);
  });

  it('leaves the connection it was given open when closed', async () => {
    const limiter = createRedisRateLimiter(redis, { limit: 3, prefix: `${runPrefix}close:` });

    await limiter.close();

    expect(redis.status).toBe('ready');
    expect(await redis.ping()).toBe('PONG');
  });
});
