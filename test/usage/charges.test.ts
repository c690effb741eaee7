/** Call charges, the ledger they write and the usage they leave, on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { resellerUsage, type ResellerUsage } from './usage-api.js';

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

describe('call charges', () => {
  it('bills a call of 61 seconds as 2 minutes', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    expect(await api.charge(id, 'CA-61', 61)).toStrictEqual({ minutes: 2, charged: true });
    expect(await api.usage(id)).toMatchObject({ used: 2, available: 1198 });
  });

  it('bills a call of exactly 60 seconds as 1 minute', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    expect(await api.charge(id, 'CA-60', 60)).toStrictEqual({ minutes: 1, charged: true });
  });

  it('charges a CallSid once: a second charge changes nothing (charged false)', async () => {
    const id = await clientOnPlan({ tier: 'pro' });
    await api.charge(id, 'CA-twice', 125);

    const again = await api.charge(id, 'CA-twice', 125);

    expect(again).toStrictEqual({ minutes: 3, charged: false });
    expect((await api.usage(id)).used).toBe(3);
    expect((await api.ledger(id)).filter((row) => row.kind === 'call')).toHaveLength(1);
  });

  it('charges a CallSid once when two charges for it race', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    const results = await Promise.all([
      api.charge(id, 'CA-race', 90),
      api.charge(id, 'CA-race', 90),
    ]);

    expect(results.map((r) => r.charged).sort()).toStrictEqual([false, true]);
    expect((await api.usage(id)).used).toBe(2);
  });

  it('charges the same CallSid separately for two clients', async () => {
    const first = await clientOnPlan({ tier: 'pro' });
    const second = await clientOnPlan({ tier: 'pro' });

    await api.charge(first, 'CA-shared', 60);

    expect((await api.charge(second, 'CA-shared', 60)).charged).toBe(true);
  });

  it('reports overage for minutes used past the pool, with nothing left available', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    await api.charge(id, 'CA-long', 1250 * 60);

    expect(await api.usage(id)).toMatchObject({ used: 1250, available: 0, overage: 50 });
  });

  it('uses add-on minutes before reporting overage', async () => {
    const id = await clientOnPlan({ tier: 'pro' });
    await api.grant(id, { minutes: 250 });

    await api.charge(id, 'CA-long', 1300 * 60);

    expect(await api.usage(id)).toMatchObject({ used: 1300, available: 150, overage: 0 });
  });
});

describe('a call duration', () => {
  it('bills a call of 0 seconds as 0 minutes', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    expect(await api.charge(id, 'CA-zero', 0)).toStrictEqual({ minutes: 0, charged: true });
  });

  it('bills a call of exactly 24 hours', async () => {
    const id = await clientOnPlan({ tier: 'pro' });

    expect(await api.charge(id, 'CA-day', 86_400)).toStrictEqual({ minutes: 1440, charged: true });
  });

  it.each([
    ['negative', -1],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['longer than 24 hours', 86_401],
  ])('is refused naming durationSeconds when %s, leaving the CallSid unused', async (_why, s) => {
    const id = await clientOnPlan({ tier: 'pro' });

    await expect(api.charge(id, 'CA-bad', s)).rejects.toMatchObject({ field: 'durationSeconds' });

    expect(await api.charge(id, 'CA-bad', 120)).toStrictEqual({ minutes: 2, charged: true });
  });
});

describe('a call while unmetered', () => {
  it('is recorded but never counts against a plan set later in the period', async () => {
    const id = await api.createClient();
    await api.charge(id, 'CA-agency', 600 * 60);

    expect((await api.setPlan(id, { tier: 'pro' })).status).toBe(200);

    expect(await api.usage(id)).toMatchObject({ used: 0, available: 1200, overage: 0 });
    const calls = (await api.ledger(id)).filter((row) => row.callSid === 'CA-agency');
    expect(calls).toMatchObject([{ kind: 'unmetered_call', minutes: 600 }]);
  });

  it('is still charged once per CallSid', async () => {
    const id = await api.createClient();
    await api.charge(id, 'CA-agency-twice', 60);

    expect(await api.charge(id, 'CA-agency-twice', 60)).toStrictEqual({
      minutes: 1,
      charged: false,
    });
  });
});

describe('the add-on minutes of one period', () => {
  it('may reach ten million and no further', async () => {
    const id = await clientOnPlan({ tier: 'pro' });
    const { period_start } = await api.usage(id);
    await server.app.db.usageEntry.create({
      data: {
        id: 'use_seeded',
        clientId: id,
        kind: 'grant',
        minutes: 9_950_000,
        periodStart: new Date(period_start * 1000),
        createdAt: server.clock.now(),
      },
    });

    const last = await api.grant(id, { minutes: 50_000 });
    const beyond = await api.grant(id, { minutes: 1 });

    expect(last.status).toBe(200);
    expect(beyond.status).toBe(422);
    expect(beyond.json).toStrictEqual({
      detail: "minutes: would take this period's add-on minutes past 10000000",
    });
    expect((await api.usage(id)).addon).toBe(10_000_000);
  });
});

describe('the ledger', () => {
  it('records the plan change, grant and call as entries of the current period', async () => {
    const id = await clientOnPlan({ tier: 'pro' });
    server.clock.advance(1000);
    await api.grant(id, { minutes: 250 });
    server.clock.advance(1000);
    await api.charge(id, 'CA-ledger', 90);
    const { period_start } = await api.usage(id);

    const rows = await api.ledger(id);

    expect(rows.map(({ kind, minutes, callSid }) => ({ kind, minutes, callSid }))).toStrictEqual([
      { kind: 'plan', minutes: 1200, callSid: null },
      { kind: 'grant', minutes: 250, callSid: null },
      { kind: 'call', minutes: 2, callSid: 'CA-ledger' },
    ]);
    expect(new Set(rows.map((row) => Date.parse(row.periodStart) / 1000))).toStrictEqual(
      new Set([period_start]),
    );
  });
});

describe('usage of many clients', () => {
  it('reads the ledger once for a page of clients, however many there are', async () => {
    const other = await resellerUsage(server);
    for (let i = 0; i < 5; i++) await other.createClient(`Client ${i}`);
    server.resetQueries();

    const page = await server.rest('GET', '/clients', { key: other.key });

    expect((page.json as { clients: unknown[] }).clients).toHaveLength(5);
    expect(server.queries.filter((sql) => /UsageEntry/i.test(sql))).toHaveLength(1);
  });
});
