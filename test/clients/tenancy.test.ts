/** Another reseller's client is a missing one on every route; GET /account counts by status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, expectDetail, getClient, type WireClient } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** [method, path under /clients/{id}, body] for every route that takes a client id. */
const clientRoutes: [string, string, unknown][] = [
  ['GET', '', undefined],
  ['PATCH', '', { receptionist_name: 'Mallory' }],
  ['DELETE', '', undefined],
  ['POST', '/pause', undefined],
  ['POST', '/resume', undefined],
  ['PUT', '/plan', { tier: 'pro' }],
  ['GET', '/usage', undefined],
  ['POST', '/minutes', { minutes: 250 }],
];

let server: TestServer;
let ownerKey: string;
let intruderKey: string;
let client: WireClient;

beforeAll(async () => {
  server = await startTestServer();
  ownerKey = (await server.createReseller('Owner Agency')).apiKey;
  intruderKey = (await server.createReseller('Intruder Agency')).apiKey;
  client = await createClient(server, ownerKey, { transfer_number: '+19735550000' });
});

afterAll(async () => {
  await server.close();
});

describe("another reseller's client over REST", () => {
  it.each(clientRoutes)('answers %s /clients/{id}%s with 404', async (method, path, body) => {
    const result = await server.rest(method, `/clients/${client.id}${path}`, {
      key: intruderKey,
      body,
    });

    expectDetail(result, 404);
  });

  it('leaves the client untouched after every attempt', async () => {
    for (const [method, path, body] of clientRoutes) {
      await server.rest(method, `/clients/${client.id}${path}`, { key: intruderKey, body });
    }

    expect(await getClient(server, ownerKey, client.id)).toStrictEqual(client);
  });

  it('never appears in the other reseller list', async () => {
    await createClient(server, intruderKey, { name: 'Intruder Own Client' });

    const result = await server.rest('GET', '/clients', { key: intruderKey });

    const page = result.json as { clients: WireClient[]; total: number };
    expect(page.clients.map((c) => c.name)).toStrictEqual(['Intruder Own Client']);
    expect(page.total).toBe(1);
  });

  it('is not found by searching its name', async () => {
    const result = await server.rest('GET', '/clients?search=Ace', { key: intruderKey });

    expect(result.json).toStrictEqual({ clients: [], total: 0, next_cursor: null });
  });
});

describe('an unknown client id over REST', () => {
  it.each(clientRoutes)('answers %s /clients/{id}%s with 404', async (method, path, body) => {
    const result = await server.rest(method, `/clients/cust_doesnotexist${path}`, {
      key: ownerKey,
      body,
    });

    expectDetail(result, 404);
  });

  it('echoes at most 100 characters of a long id in the detail', async () => {
    const result = await server.rest('GET', `/clients/cust_${'a'.repeat(5000)}`, {
      key: ownerKey,
    });

    expectDetail(result, 404);
    expect((result.json as { detail: string }).detail.length).toBeLessThan(120);
  });

  it.each(['cust_%00', 'cust_%E2%80%8B', 'cust_..%2F..'])(
    'answers GET /clients/%s with 404',
    async (id) => {
      const result = await server.rest('GET', `/clients/${id}`, { key: ownerKey });

      expectDetail(result, 404);
    },
  );
});

describe("another reseller's client over GraphQL", () => {
  it('answers null from client(id:)', async () => {
    const result = await server.graphql(
      'query ($id: ID!) { client(id: $id) { id } }',
      { id: client.id },
      { key: intruderKey },
    );

    expect(result.json).toStrictEqual({ data: { client: null } });
  });

  const anyText: unknown = expect.any(String);
  const notFoundSelection = '__typename ... on NotFoundError { message code }';

  const mutations: [string, string][] = [
    ['updateClient', 'updateClient(id: $id, input: { receptionistName: "Mallory" })'],
    ['pauseClient', 'pauseClient(id: $id)'],
    ['resumeClient', 'resumeClient(id: $id)'],
    ['deleteClient', 'deleteClient(id: $id)'],
    ['setClientPlan', 'setClientPlan(id: $id, tier: "pro")'],
    ['grantMinutes', 'grantMinutes(id: $id, minutes: 250)'],
  ];

  it.each(mutations)('answers %s with a NotFoundError payload', async (name, field) => {
    const result = await server.graphql(
      `mutation ($id: ID!) { result: ${field} { ${notFoundSelection} } }`,
      { id: client.id },
      { key: intruderKey },
    );

    expect(result.json, name).toStrictEqual({
      data: {
        result: { __typename: 'NotFoundError', message: anyText, code: 'NOT_FOUND' },
      },
    });
  });

  it.each(['cust_\u0000', 'cust_a b', `cust_${'a'.repeat(65)}`, 'zzz_abc', 'nonsense'])(
    'answers null from client(id:), node(id:) and nodes(ids:) for the id %j',
    async (id) => {
      const result = await server.graphql(
        'query ($id: ID!) { client(id: $id) { id } node(id: $id) { id } nodes(ids: [$id]) { id } }',
        { id },
        { key: intruderKey },
      );

      expect(result.status).toBe(200);
      expect(result.json).toStrictEqual({ data: { client: null, node: null, nodes: [null] } });
    },
  );

  it('answers nodes(ids:) in order, with null where an id is not found', async () => {
    const result = await server.graphql(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: ['nonsense', client.id, 'cust_missing'] },
      { key: ownerKey },
    );

    expect(result.json).toStrictEqual({ data: { nodes: [null, { id: client.id }, null] } });
  });
});

describe('GET /account client counts', () => {
  it('counts clients by status, only its own', async () => {
    const { apiKey } = await server.createReseller('Counting Agency');
    const make = () => createClient(server, apiKey);
    const [, , metered, paused, deleted] = await Promise.all([
      make(),
      make(),
      make(),
      make(),
      make(),
    ]);
    await server.rest('PUT', `/clients/${metered.id}/plan`, { key: apiKey, body: { tier: 'pro' } });
    await server.rest('POST', `/clients/${paused.id}/pause`, { key: apiKey });
    await server.rest('DELETE', `/clients/${deleted.id}`, { key: apiKey });

    const result = await server.rest('GET', '/account', { key: apiKey });

    expect(result.status).toBe(200);
    expect((result.json as { clients: unknown }).clients).toStrictEqual({
      total: 5,
      agency: 2,
      active: 1,
      paused: 1,
      disabled: 1,
    });
  });

  it('counts nothing for an account without clients', async () => {
    const { apiKey } = await server.createReseller('Empty Agency');

    const result = await server.rest('GET', '/account', { key: apiKey });

    expect((result.json as { clients: unknown }).clients).toStrictEqual({
      total: 0,
      agency: 0,
      active: 0,
      paused: 0,
      disabled: 0,
    });
  });
});
