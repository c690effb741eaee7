/** Concurrent writes through the real server lose nothing and never fail with a 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
});

afterAll(async () => {
  await server.close();
});

const workers = 16;

describe('concurrent writes', () => {
  const statuses: number[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        for (let i = 0; i < 5; i++) {
          const body = { name: `Worker ${worker} client ${i}` };
          const result = await server.rest('POST', '/clients', { key, body });
          statuses.push(result.status);
          ids.push((result.json as { id: string }).id);
        }
      }),
    );
    await Promise.all(
      ids.slice(0, workers).map(async (id) => {
        for (const tier of ['starter', 'pro', 'business']) {
          const granted = await server.rest('POST', `/clients/${id}/minutes`, {
            key,
            body: { minutes: 10 },
          });
          const planned = await server.rest('PUT', `/clients/${id}/plan`, { key, body: { tier } });
          statuses.push(granted.status, planned.status);
        }
      }),
    );
  });

  it('answers every create, grant and plan change with success', () => {
    expect(statuses.filter((status) => status >= 300)).toStrictEqual([]);
  });

  it('stores every client created', async () => {
    expect(new Set(ids).size).toBe(workers * 5);
    expect(await server.app.db.client.count()).toBe(workers * 5);
  });

  it('records every grant once', async () => {
    const grants = await server.app.db.usageEntry.count({ where: { kind: 'grant' } });

    expect(grants).toBe(workers * 3);
  });

  it('leaves each client on the last plan it was given, with all its minutes', async () => {
    const usage = await server.rest('GET', `/clients/${ids[0] ?? ''}/usage`, { key });

    expect(usage.json).toMatchObject({ included: 2800, addon: 30, available: 2830 });
  });
});

describe('racing lifecycle changes', () => {
  const rounds = 12;

  async function race(first: () => Promise<unknown>, second: () => Promise<unknown>) {
    await Promise.all([first(), second()]);
  }

  const fresh = async () => {
    const created = await server.rest('POST', '/clients', { key, body: { name: 'Racer' } });
    return (created.json as { id: string }).id;
  };
  const statusOf = async (id: string) =>
    ((await server.rest('GET', `/clients/${id}`, { key })).json as { status: string }).status;
  const send = (method: string, path: string, body?: unknown) => () =>
    server.rest(method, path, { key, body });

  it('never loses a pause to a plan change made at the same moment', async () => {
    const ids = await Promise.all(Array.from({ length: rounds }, fresh));

    await Promise.all(
      ids.map((id) =>
        race(
          send('PUT', `/clients/${id}/plan`, { tier: 'pro' }),
          send('POST', `/clients/${id}/pause`),
        ),
      ),
    );

    expect(await Promise.all(ids.map(statusOf))).toStrictEqual(Array(rounds).fill('paused'));
  });

  it('never revives a client deleted while its plan or answering changed', async () => {
    const ids = await Promise.all(Array.from({ length: rounds }, fresh));

    await Promise.all(
      ids.map((id, i) =>
        race(
          i % 2 === 0
            ? send('PUT', `/clients/${id}/plan`, { tier: 'pro' })
            : send('POST', `/clients/${id}/resume`),
          send('DELETE', `/clients/${id}`),
        ),
      ),
    );

    expect(await Promise.all(ids.map(statusOf))).toStrictEqual(Array(rounds).fill('disabled'));
  });
});

describe('racing configuration changes', () => {
  it('never leaves transfer on without a number, whichever patch lands first', async () => {
    const rounds = 12;
    const ids = await Promise.all(
      Array.from({ length: rounds }, async () => {
        const body = { name: 'Racer', transfer_number: '+19735550000' };
        return ((await server.rest('POST', '/clients', { key, body })).json as { id: string }).id;
      }),
    );

    const patch = (id: string, body: unknown) =>
      server.rest('PATCH', `/clients/${id}`, { key, body });
    await Promise.all(
      ids.map((id) =>
        Promise.all([patch(id, { transfer_enabled: true }), patch(id, { transfer_number: null })]),
      ),
    );

    const configs = await Promise.all(
      ids.map(async (id) => {
        const client = await server.rest('GET', `/clients/${id}`, { key });
        return (client.json as { config: Record<string, unknown> }).config;
      }),
    );
    const broken = configs.filter((c) => c.transfer_enabled === true && !c.transfer_number);
    expect(broken).toStrictEqual([]);
  });
});
