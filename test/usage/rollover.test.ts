/**
 * Period boundaries with the test clock. Clients are created on Jan 31, so their periods end on
 * the last day of short months (Feb 28, Apr 30) and return to the 31st in between.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { resellerUsage, unixSeconds, type ResellerUsage } from './usage-api.js';

const created = '2030-01-31T10:00:00.000Z';
const feb28 = '2030-02-28T10:00:00.000Z';
const mar31 = '2030-03-31T10:00:00.000Z';
const apr30 = '2030-04-30T10:00:00.000Z';
const minute = 60;

let server: TestServer;
let api: ResellerUsage;

beforeAll(async () => {
  server = await startTestServer();
  api = await resellerUsage(server);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.clock.set(created);
});

async function proClient(): Promise<string> {
  const id = await api.createClient();
  expect((await api.setPlan(id, { tier: 'pro' })).status).toBe(200);
  return id;
}

async function rolloverRows(id: string) {
  return (await api.ledger(id)).filter((row) => row.kind === 'rollover');
}

describe('the period boundary', () => {
  it('starts the first period at creation and resets on Feb 28', async () => {
    const id = await proClient();

    expect(await api.usage(id)).toMatchObject({
      period_start: unixSeconds(created),
      reset_at: unixSeconds(feb28),
    });
  });

  it('keeps the old period until the instant before reset_at', async () => {
    const id = await proClient();
    server.clock.set('2030-02-28T09:59:59.999Z');

    expect((await api.usage(id)).period_start).toBe(unixSeconds(created));
  });

  it('starts a new period at reset_at, from the old reset_at back to the 31st', async () => {
    const id = await proClient();
    server.clock.set(feb28);

    expect(await api.usage(id)).toMatchObject({
      period_start: unixSeconds(feb28),
      reset_at: unixSeconds(mar31),
    });
  });

  it('clears the minutes used in the old period', async () => {
    const id = await proClient();
    await api.charge(id, 'CA-old', 300 * minute);
    server.clock.set(feb28);

    expect(await api.usage(id)).toMatchObject({ used: 0, overage: 0 });
  });
});

describe('rollover', () => {
  it('carries the unused included minutes into the next period', async () => {
    const id = await proClient();
    await api.charge(id, 'CA-200', 200 * minute);
    server.clock.set(feb28);

    expect(await api.usage(id)).toMatchObject({
      included: 1200,
      rollover: 1000,
      used: 0,
      available: 2200,
    });
  });

  it('carries at most one allotment when nothing was used', async () => {
    const id = await proClient();
    server.clock.set(feb28);

    expect((await api.usage(id)).rollover).toBe(1200);
  });

  it('lets a rollover last one period: after another unused month 1200, not 2400', async () => {
    const id = await proClient();
    server.clock.set(feb28);
    await api.usage(id);
    server.clock.set(mar31);

    expect(await api.usage(id)).toMatchObject({ rollover: 1200, available: 2400 });
  });

  it('lets add-on minutes expire at the boundary', async () => {
    const id = await proClient();
    await api.grant(id, { minutes: 250 });
    server.clock.set(feb28);

    expect(await api.usage(id)).toMatchObject({ addon: 0, rollover: 1200, available: 2400 });
  });

  it('puts a grant made after the boundary into the new period', async () => {
    const id = await proClient();
    server.clock.set(feb28);

    const result = await api.grant(id, { minutes: 250 });

    expect(result.json).toMatchObject({ period_start: unixSeconds(feb28), addon: 250 });
  });

  it('charges a call that ends after the boundary to the new period', async () => {
    const id = await proClient();
    server.clock.set(feb28);

    await api.charge(id, 'CA-new', 100 * minute);

    expect(await api.usage(id)).toMatchObject({
      period_start: unixSeconds(feb28),
      used: 100,
      available: 2300,
    });
  });

  it('consumes the rollover first, so all included minutes carry again', async () => {
    const id = await proClient();
    server.clock.set(feb28);
    await api.charge(id, 'CA-1000', 1000 * minute);
    server.clock.set(mar31);

    expect((await api.usage(id)).rollover).toBe(1200);
  });

  it('consumes included minutes once the rollover is gone, carrying what is left', async () => {
    const id = await proClient();
    server.clock.set(feb28);
    await api.charge(id, 'CA-1500a', 750 * minute);
    await api.charge(id, 'CA-1500b', 750 * minute);
    server.clock.set(mar31);

    expect((await api.usage(id)).rollover).toBe(900);
  });

  it('carries nothing after a month used into overage', async () => {
    const id = await proClient();
    await api.charge(id, 'CA-over-a', 750 * minute);
    await api.charge(id, 'CA-over-b', 750 * minute);
    server.clock.set(feb28);

    expect((await api.usage(id)).rollover).toBe(0);
  });

  it('rolls an unmetered client into new periods with rollover 0', async () => {
    const id = await api.createClient();
    server.clock.set(mar31);

    expect(await api.usage(id)).toMatchObject({
      metered: false,
      rollover: 0,
      period_start: unixSeconds(mar31),
      reset_at: unixSeconds(apr30),
    });
    expect((await rolloverRows(id)).map((row) => row.minutes)).toStrictEqual([0, 0]);
  });
});

describe('skipped months', () => {
  it('finds the right period after five months without a request', async () => {
    const id = await proClient();
    server.clock.set('2030-07-01T00:00:00Z');

    expect(await api.usage(id)).toMatchObject({
      period_start: unixSeconds('2030-06-30T10:00:00Z'),
      reset_at: unixSeconds('2030-07-31T10:00:00Z'),
      rollover: 1200,
      addon: 0,
      used: 0,
    });
  });

  it('writes one rollover entry per skipped period', async () => {
    const id = await proClient();
    await api.charge(id, 'CA-first-month', 700 * minute);
    server.clock.set('2030-07-01T00:00:00Z');

    await api.usage(id);

    expect((await rolloverRows(id)).map((row) => [row.periodStart, row.minutes])).toStrictEqual([
      [feb28, 500],
      [mar31, 1200],
      [apr30, 1200],
      ['2030-05-31T10:00:00.000Z', 1200],
      ['2030-06-30T10:00:00.000Z', 1200],
    ]);
  });

  it('writes the rollover once however often usage is read after the boundary', async () => {
    const id = await proClient();
    server.clock.set(feb28);

    await api.usage(id);
    await api.usage(id);
    await server.rest('GET', `/clients/${id}`, { key: api.key });

    expect(await rolloverRows(id)).toHaveLength(1);
  });

  it('writes the rollover once when several reads race across the boundary', async () => {
    const id = await proClient();
    server.clock.set(feb28);

    const reads = await Promise.all([api.usage(id), api.usage(id), api.usage(id)]);

    expect(reads.map((usage) => usage.rollover)).toStrictEqual([1200, 1200, 1200]);
    expect(await rolloverRows(id)).toHaveLength(1);
  });
});
