/** The per-key budget as callers see it: X-RateLimit-* headers, 429s, and windows of a minute. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, testRedisUrl } from '../support/redis.js';
import { startTestServer, type CallResult, type TestServer } from '../support/server.js';

const anyText: unknown = expect.any(String);

const limit = 5;
const minuteStart = '2030-01-01T12:00:00Z';
const minuteEndSeconds = Date.parse(minuteStart) / 1000 + 60;

const redisReachable = await redisAvailable();

const at = (secondsIntoMinute: number) =>
  new Date(Date.parse(minuteStart) + secondsIntoMinute * 1000);

function getAccount(server: TestServer, key: string) {
  return server.rest('GET', '/account', { key });
}

function queryAccount(server: TestServer, key: string) {
  return server.graphql('{ account { id } }', undefined, { key });
}

async function spend(server: TestServer, key: string, times: number): Promise<CallResult[]> {
  const results: CallResult[] = [];
  for (let i = 0; i < times; i++) results.push(await getAccount(server, key));
  return results;
}

const remainingOf = (result: CallResult) => result.headers.get('x-ratelimit-remaining');

describe('one instance', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ rateLimitPerMinute: limit });
  });

  afterAll(async () => {
    await server.close();
  });

  async function freshKey(): Promise<string> {
    server.clock.set(minuteStart);
    return (await server.createReseller()).apiKey;
  }

  it('sends the limit, the remaining budget and the window end on a REST response', async () => {
    const key = await freshKey();

    const result = await getAccount(server, key);

    expect(result.status).toBe(200);
    expect(result.headers.get('x-ratelimit-limit')).toBe(String(limit));
    expect(remainingOf(result)).toBe(String(limit - 1));
    expect(result.headers.get('x-ratelimit-reset')).toBe(String(minuteEndSeconds));
  });

  it('sends the rate-limit headers on a GraphQL response', async () => {
    const key = await freshKey();

    const result = await queryAccount(server, key);

    expect(result.status).toBe(200);
    expect(result.headers.get('x-ratelimit-limit')).toBe(String(limit));
    expect(remainingOf(result)).toBe(String(limit - 1));
    expect(result.headers.get('x-ratelimit-reset')).toBe(String(minuteEndSeconds));
  });

  it('reports Reset as the end of the current minute, not a minute from now', async () => {
    const key = await freshKey();
    server.clock.set(at(40));

    const result = await getAccount(server, key);

    expect(result.headers.get('x-ratelimit-reset')).toBe(String(minuteEndSeconds));
  });

  it('counts the remaining budget down with each request', async () => {
    const key = await freshKey();

    const results = await spend(server, key, limit);

    expect(results.map(remainingOf)).toEqual(['4', '3', '2', '1', '0']);
  });

  it('refuses the sixth request in a minute with 429, a detail and Retry-After', async () => {
    const key = await freshKey();
    server.clock.set(at(20));
    await spend(server, key, limit);

    const refused = await getAccount(server, key);

    expect(refused.status).toBe(429);
    expect(refused.json).toStrictEqual({ detail: anyText });
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(remainingOf(refused)).toBe('0');
  });

  it('shares one budget between REST and GraphQL', async () => {
    const key = await freshKey();
    await spend(server, key, 3);
    await queryAccount(server, key);
    await queryAccount(server, key);

    const viaGraphQL = await queryAccount(server, key);
    const viaRest = await getAccount(server, key);

    expect(viaGraphQL.status).toBe(429);
    expect(viaGraphQL.json).toStrictEqual({
      errors: [{ message: anyText, extensions: { code: 'RATE_LIMITED' } }],
    });
    expect(viaGraphQL.headers.get('retry-after')).toBe('60');
    expect(viaRest.status).toBe(429);
  });

  it("keeps another reseller's key on a budget of its own", async () => {
    const spent = await freshKey();
    const other = await freshKey();
    await spend(server, spent, limit + 1);

    const result = await getAccount(server, other);

    expect(result.status).toBe(200);
    expect(remainingOf(result)).toBe(String(limit - 1));
  });

  it('restores the budget in the next minute', async () => {
    const key = await freshKey();
    await spend(server, key, limit + 1);

    server.clock.set(at(60));
    const result = await getAccount(server, key);

    expect(result.status).toBe(200);
    expect(remainingOf(result)).toBe(String(limit - 1));
    expect(result.headers.get('x-ratelimit-reset')).toBe(String(minuteEndSeconds + 60));
  });

  it('sends no rate-limit headers on a 401', async () => {
    const rest = await server.rest('GET', '/account');
    const graphql = await server.graphql('{ account { id } }');

    for (const refused of [rest, graphql]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get('x-ratelimit-limit')).toBeNull();
      expect(refused.headers.get('x-ratelimit-remaining')).toBeNull();
      expect(refused.headers.get('x-ratelimit-reset')).toBeNull();
    }
  });
});

describe.skipIf(!redisReachable)('two instances sharing Redis', () => {
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    first = await startTestServer({ redisUrl: testRedisUrl, rateLimitPerMinute: limit });
    second = await startTestServer({
      redisUrl: testRedisUrl,
      rateLimitPerMinute: limit,
      database: first.database,
    });
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('share one budget per key', async () => {
    first.clock.set(minuteStart);
    second.clock.set(minuteStart);
    const { apiKey } = await first.createReseller();
    await spend(first, apiKey, 3);

    const last = await spend(second, apiKey, 2);
    const refusedBySecond = await getAccount(second, apiKey);
    const refusedByFirst = await getAccount(first, apiKey);

    expect(last.map((result) => result.status)).toEqual([200, 200]);
    expect(remainingOf(last[1] as CallResult)).toBe('0');
    expect(refusedBySecond.status).toBe(429);
    expect(refusedByFirst.status).toBe(429);
  });

  it('restore the budget on both in the next minute', async () => {
    first.clock.set(minuteStart);
    second.clock.set(minuteStart);
    const { apiKey } = await first.createReseller();
    await spend(first, apiKey, limit + 1);

    first.clock.set(at(60));
    second.clock.set(at(60));

    expect((await getAccount(first, apiKey)).status).toBe(200);
    expect(remainingOf(await getAccount(second, apiKey))).toBe(String(limit - 2));
  });
});
