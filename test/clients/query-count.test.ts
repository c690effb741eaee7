/** Listing clients costs a fixed number of SQL statements, whatever the number of clients. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/server.js';

const dashboardQuery = `{
  clients(first: 100) {
    edges {
      node {
        id name
        config { transferEnabled businessHours { mon { open } } }
        usage { available used }
      }
    }
  }
}`;

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
});

afterAll(async () => {
  await server.close();
});

async function addClients(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    server.clock.advance(1000);
    await createClient(server, key, { name: `Client ${i}` });
  }
}

interface Measure {
  statements: number;
  listed: number;
}

async function measureGraphQL(apiKey = key): Promise<Measure> {
  server.resetQueries();
  const result = await server.graphql(dashboardQuery, {}, { key: apiKey });
  const statements = server.queries.length;
  const body = result.json as { data?: { clients: { edges: unknown[] } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { statements, listed: body.data?.clients.edges.length ?? 0 };
}

async function measureRest(): Promise<Measure> {
  server.resetQueries();
  const result = await server.rest('GET', '/clients', { key });
  const statements = server.queries.length;
  expect(result.status, result.text).toBe(200);
  return { statements, listed: (result.json as { clients: unknown[] }).clients.length };
}

describe('the query count of a client list', () => {
  let graphqlFor5: Measure;
  let restFor5: Measure;
  let graphqlFor35: Measure;
  let restFor35: Measure;

  beforeAll(async () => {
    await addClients(5);
    graphqlFor5 = await measureGraphQL();
    restFor5 = await measureRest();
    await addClients(30);
    graphqlFor35 = await measureGraphQL();
    restFor35 = await measureRest();
  });

  it('lists every client it counted', () => {
    expect([graphqlFor5.listed, restFor5.listed]).toStrictEqual([5, 5]);
    expect([graphqlFor35.listed, restFor35.listed]).toStrictEqual([35, 35]);
  });

  it('costs GraphQL the same statements for 35 clients as for 5', () => {
    expect(graphqlFor35.statements).toBe(graphqlFor5.statements);
  });

  it('costs GraphQL at most 6 statements, authentication included', () => {
    expect(graphqlFor35.statements).toBeLessThanOrEqual(6);
  });

  it('costs GET /clients the same statements for 35 clients as for 5', () => {
    expect(restFor35.statements).toBe(restFor5.statements);
  });

  it('costs GET /clients at most 6 statements, authentication included', () => {
    expect(restFor35.statements).toBeLessThanOrEqual(6);
  });
});

describe('the query count of metered clients with minutes', () => {
  let meteredKey: string;

  async function addMeteredClients(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      server.clock.advance(1000);
      const { id } = await createClient(server, meteredKey, { name: `Metered ${i}` });
      const options = { key: meteredKey };
      await server.rest('PUT', `/clients/${id}/plan`, { ...options, body: { tier: 'pro' } });
      await server.rest('POST', `/clients/${id}/minutes`, { ...options, body: { minutes: 250 } });
    }
  }

  beforeAll(async () => {
    meteredKey = (await server.createReseller('Metered Agency')).apiKey;
  });

  it('stays the same for 35 clients on a plan as for 5', async () => {
    await addMeteredClients(5);
    const for5 = await measureGraphQL(meteredKey);
    await addMeteredClients(30);
    const for35 = await measureGraphQL(meteredKey);

    expect(for35.listed).toBe(35);
    expect(for35.statements).toBe(for5.statements);
  });
});

describe('the query count of the first list after a monthly boundary', () => {
  async function firstListAfterBoundary(count: number): Promise<Measure> {
    const agencyKey = (await server.createReseller(`Agency of ${count}`)).apiKey;
    for (let i = 0; i < count; i++) {
      server.clock.advance(1000);
      await createClient(server, agencyKey, { name: `Rolling ${i}` });
    }
    server.clock.advance(32 * 24 * 60 * 60 * 1000);
    return measureGraphQL(agencyKey);
  }

  it('rolls 35 clients into a new period for a fixed batch plus one update each', async () => {
    const for5 = await firstListAfterBoundary(5);
    const for35 = await firstListAfterBoundary(35);

    expect(for35.listed).toBe(35);
    expect(for35.statements - for5.statements).toBe(30);
  });

  it('writes nothing more on the second list', async () => {
    const agencyKey = (await server.createReseller('Agency listed twice')).apiKey;
    await createClient(server, agencyKey, { name: 'Listed twice' });
    server.clock.advance(32 * 24 * 60 * 60 * 1000);
    const first = await measureGraphQL(agencyKey);
    const second = await measureGraphQL(agencyKey);

    expect(second.statements).toBeLessThan(first.statements);
    expect(second.statements).toBeLessThanOrEqual(6);
  });
});
