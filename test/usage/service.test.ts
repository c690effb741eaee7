/** Plans and minute grants on a real database, through the v1 routes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { resellerUsage, unixSeconds, type ResellerUsage } from './usage-api.js';

const anyText: unknown = expect.any(String);

let server: TestServer;
let api: ResellerUsage;

beforeAll(async () => {
  server = await startTestServer();
  api = await resellerUsage(server);
});

afterAll(async () => {
  await server.close();
});

async function clientOnPlan(body: unknown): Promise<string> {
  const id = await api.createClient();
  expect((await api.setPlan(id, body)).status).toBe(200);
  return id;
}

describe('plans', () => {
  it('creates a client unmetered, on the agency tier, with a month-long first period', async () => {
    const created = await server.rest('POST', '/clients', { key: api.key, body: { name: 'Ace' } });

    expect(created.json).toMatchObject({ status: 'agency', plan_tier: 'agency' });
    expect((created.json as { usage: unknown }).usage).toStrictEqual({
      metered: false,
      included: 0,
      rollover: 0,
      addon: 0,
      used: 0,
      overage: 0,
      available: 0,
      period_start: unixSeconds('2026-01-15T12:00:00Z'),
      reset_at: unixSeconds('2026-02-15T12:00:00Z'),
      policy: 'overage',
      spend_cap_cents: 0,
    });
  });

  it('meters a client put on a platform tier and makes it active', async () => {
    const id = await api.createClient();

    const result = await api.setPlan(id, { tier: 'pro' });

    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      id,
      status: 'active',
      plan_tier: 'pro',
      usage: { metered: true, included: 1200, available: 1200, used: 0, overage: 0 },
    });
  });

  it('sets a custom allotment with minutes_included', async () => {
    const id = await api.createClient();

    const result = await api.setPlan(id, { minutes_included: 2000 });

    expect(result.json).toMatchObject({
      status: 'active',
      plan_tier: 'custom',
      usage: { metered: true, included: 2000, available: 2000 },
    });
  });

  it('stops metering on the agency tier and returns the status to agency', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    const result = await api.setPlan(id, { tier: 'agency' });

    expect(result.json).toMatchObject({
      status: 'agency',
      plan_tier: 'agency',
      usage: { metered: false, included: 0, available: 0 },
    });
  });

  it('keeps a paused client paused when its plan changes', async () => {
    const id = await api.createClient();
    await server.rest('POST', `/clients/${id}/pause`, { key: api.key });

    const result = await api.setPlan(id, { tier: 'pro' });

    expect(result.json).toMatchObject({ status: 'paused', plan_tier: 'pro' });
  });

  it('resumes a paused client as active once it is on a platform plan', async () => {
    const id = await api.createClient();
    await server.rest('POST', `/clients/${id}/pause`, { key: api.key });
    await api.setPlan(id, { tier: 'starter' });

    const resumed = await server.rest('POST', `/clients/${id}/resume`, { key: api.key });

    expect(resumed.json).toMatchObject({ status: 'active', plan_tier: 'starter' });
  });

  it.each([
    ['an unknown tier', { tier: 'gold' }],
    ['an empty body', {}],
    ['both a tier and minutes_included', { tier: 'pro', minutes_included: 5 }],
    ['negative minutes_included', { minutes_included: -1 }],
    ['minutes_included as a string', { minutes_included: '5' }],
    ['minutes_included as a fraction', { minutes_included: 1.5 }],
    ['an unknown field', { tier: 'pro', discount: 10 }],
  ])('refuses %s with 422 and leaves the plan alone', async (_case, body) => {
    const id = await api.createClient();

    const result = await api.setPlan(id, body);

    expect(result.status).toBe(422);
    expect(result.json).toStrictEqual({ detail: anyText });
    expect((await api.usage(id)).metered).toBe(false);
    expect(await api.ledger(id)).toStrictEqual([]);
  });

  it('answers 404 for a client of another reseller', async () => {
    const other = await resellerUsage(server);
    const theirs = await other.createClient();

    expect((await api.setPlan(theirs, { tier: 'pro' })).status).toBe(404);
  });
});

describe('minute grants', () => {
  it('adds granted minutes to the add-on pool and to what is available', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    const result = await api.grant(id, { minutes: 250 });

    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ addon: 250, available: 1450, included: 1200 });
  });

  it('adds up several grants in one period', async () => {
    const id = await clientOnPlan({ tier: 'starter' });

    await api.grant(id, { minutes: 250 });
    await api.grant(id, { minutes: 600 });

    expect(await api.usage(id)).toMatchObject({ addon: 850, available: 1350 });
  });

  it('gives an unmetered client granted minutes without metering it', async () => {
    const id = await api.createClient();

    const result = await api.grant(id, { minutes: 250 });

    expect(result.json).toMatchObject({ metered: false, addon: 250, available: 250 });
  });

  it.each([
    ['zero', { minutes: 0 }],
    ['a negative number', { minutes: -5 }],
    ['a fraction', { minutes: 1.5 }],
    ['a string', { minutes: '10' }],
    ['more than the upper bound', { minutes: 100_001 }],
    ['null', { minutes: null }],
    ['no minutes', {}],
    ['an unknown field', { minutes: 10, pack: 'small' }],
  ])('refuses %s with 422 and grants nothing', async (_case, body) => {
    const id = await clientOnPlan({ tier: 'pro' });

    const result = await api.grant(id, body);

    expect(result.status).toBe(422);
    expect(result.json).toStrictEqual({ detail: anyText });
    expect((await api.usage(id)).addon).toBe(0);
  });

  it('accepts the upper bound itself', async () => {
    const id = await api.createClient();

    expect((await api.grant(id, { minutes: 100_000 })).json).toMatchObject({ addon: 100_000 });
  });

  it('refuses a grant to a deleted client with 409', async () => {
    const id = await api.createClient();
    await server.rest('DELETE', `/clients/${id}`, { key: api.key });

    expect((await api.grant(id, { minutes: 250 })).status).toBe(409);
  });
});
