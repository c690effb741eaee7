/** Idempotency-Key on the plan and minutes routes: a retry changes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { resellerUsage, type ResellerUsage } from './usage-api.js';

let server: TestServer;
let api: ResellerUsage;
let keys = 0;

beforeAll(async () => {
  server = await startTestServer();
  api = await resellerUsage(server);
});

afterAll(async () => {
  await server.close();
});

const freshKey = () => ({ 'idempotency-key': `usage-retry-${++keys}` });

async function proClient(): Promise<string> {
  const id = await api.createClient();
  expect((await api.setPlan(id, { tier: 'pro' })).status).toBe(200);
  return id;
}

async function grantRows(id: string) {
  return (await api.ledger(id)).filter((row) => row.kind === 'grant');
}

describe('POST /clients/{id}/minutes with Idempotency-Key', () => {
  it('applies a retried grant once', async () => {
    const id = await proClient();
    const headers = freshKey();

    await api.grant(id, { minutes: 250 }, headers);
    await api.grant(id, { minutes: 250 }, headers);

    expect(await api.usage(id)).toMatchObject({ addon: 250, available: 1450 });
    expect(await grantRows(id)).toHaveLength(1);
  });

  it('answers a retry exactly as it answered the first request', async () => {
    const id = await proClient();
    const headers = freshKey();

    const first = await api.grant(id, { minutes: 250 }, headers);
    const retry = await api.grant(id, { minutes: 250 }, headers);

    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toStrictEqual(first.json);
  });

  it('applies a grant once when two retries with one key race', async () => {
    const id = await proClient();
    const headers = freshKey();

    const results = await Promise.all([
      api.grant(id, { minutes: 250 }, headers),
      api.grant(id, { minutes: 250 }, headers),
    ]);

    expect(results.map((r) => r.status)).toContain(200);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect((await api.usage(id)).addon).toBe(250);
  });

  it('applies grants under different keys separately', async () => {
    const id = await proClient();

    await api.grant(id, { minutes: 250 }, freshKey());
    await api.grant(id, { minutes: 250 }, freshKey());

    expect((await api.usage(id)).addon).toBe(500);
  });

  it('refuses the same key with a different body with 409 and grants nothing more', async () => {
    const id = await proClient();
    const headers = freshKey();
    await api.grant(id, { minutes: 250 }, headers);

    const conflict = await api.grant(id, { minutes: 600 }, headers);

    expect(conflict.status).toBe(409);
    expect((await api.usage(id)).addon).toBe(250);
  });

  it('refuses the same key for another client with 409', async () => {
    const first = await proClient();
    const second = await proClient();
    const headers = freshKey();
    await api.grant(first, { minutes: 250 }, headers);

    expect((await api.grant(second, { minutes: 250 }, headers)).status).toBe(409);
    expect((await api.usage(second)).addon).toBe(0);
  });

  it('does not burn the key on a 422: the corrected request with it is applied', async () => {
    const id = await proClient();
    const headers = freshKey();

    const refused = await api.grant(id, { minutes: 0 }, headers);
    const accepted = await api.grant(id, { minutes: 250 }, headers);

    expect(refused.status).toBe(422);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ addon: 250 });
  });

  it('refuses a key that is not printable ASCII with 422 and grants nothing', async () => {
    const id = await proClient();

    const result = await api.grant(id, { minutes: 250 }, { 'idempotency-key': 'two words' });

    expect(result.status).toBe(422);
    expect((await api.usage(id)).addon).toBe(0);
  });

  it('answers a retry of a 422 with 422 again, not with a replay', async () => {
    const id = await proClient();
    const headers = freshKey();
    await api.grant(id, { minutes: 100_001 }, headers);

    expect((await api.grant(id, { minutes: 100_001 }, headers)).status).toBe(422);
  });
});

describe('PUT /clients/{id}/plan with Idempotency-Key', () => {
  it('replays a retried plan change with the first answer and one ledger entry', async () => {
    const id = await api.createClient();
    const headers = freshKey();

    const first = await api.setPlan(id, { tier: 'pro' }, headers);
    const retry = await api.setPlan(id, { tier: 'pro' }, headers);

    expect(first.json).toMatchObject({ plan_tier: 'pro', status: 'active' });
    expect(retry.status).toBe(200);
    expect(retry.json).toStrictEqual(first.json);
    expect((await api.ledger(id)).filter((row) => row.kind === 'plan')).toHaveLength(1);
  });

  it('refuses the same key with another tier with 409 and keeps the first plan', async () => {
    const id = await api.createClient();
    const headers = freshKey();
    await api.setPlan(id, { tier: 'pro' }, headers);

    const conflict = await api.setPlan(id, { tier: 'scale' }, headers);

    expect(conflict.status).toBe(409);
    expect((await api.usage(id)).included).toBe(1200);
  });

  it('refuses a key first used for a grant on a plan change with 409', async () => {
    const id = await proClient();
    const headers = freshKey();
    await api.grant(id, { minutes: 250 }, headers);

    expect((await api.setPlan(id, { tier: 'scale' }, headers)).status).toBe(409);
  });

  it('does not burn the key on a 422: the corrected plan with it is applied', async () => {
    const id = await api.createClient();
    const headers = freshKey();

    const refused = await api.setPlan(id, { tier: 'gold' }, headers);
    const accepted = await api.setPlan(id, { tier: 'business' }, headers);

    expect(refused.status).toBe(422);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ plan_tier: 'business', usage: { included: 2800 } });
  });
});

describe('a replay after the client has changed', () => {
  it('answers the client as it is now, never a mix of old and new', async () => {
    const id = await proClient();
    const headers = freshKey();
    await api.grant(id, { minutes: 10 }, headers);
    await api.setPlan(id, { tier: 'scale' });

    const retry = await api.grant(id, { minutes: 10 }, headers);

    expect(retry.json).toMatchObject({ included: 6000, addon: 10 });
    expect(await grantRows(id)).toHaveLength(1);
  });

  it('writes no rollover from the plan the first answer had', async () => {
    const hour = 60 * 60 * 1000;
    const id = await api.createClient();
    const resetAt = (await api.usage(id)).reset_at * 1000;
    server.clock.set(new Date(resetAt - hour));
    const headers = freshKey();
    await api.setPlan(id, { tier: 'pro' }, headers);
    await api.setPlan(id, { tier: 'agency' });
    server.clock.set(new Date(resetAt + hour));

    const retry = await api.setPlan(id, { tier: 'pro' }, headers);

    expect(retry.json).toMatchObject({ plan_tier: 'agency', usage: { rollover: 0 } });
    expect(await api.usage(id)).toMatchObject({ metered: false, rollover: 0, available: 0 });
    const rollovers = (await api.ledger(id)).filter((row) => row.kind === 'rollover');
    expect(rollovers.map((row) => row.minutes)).toStrictEqual([0]);
  });
});

describe('an Idempotency-Key after 24 hours', () => {
  it('is forgotten: the same request with it is applied again', async () => {
    const id = await proClient();
    const headers = freshKey();
    await api.grant(id, { minutes: 250 }, headers);
    server.clock.advance(24 * 60 * 60 * 1000);

    await api.grant(id, { minutes: 250 }, headers);

    expect(await grantRows(id)).toHaveLength(2);
  });
});
