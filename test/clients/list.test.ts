/** Listing and reading clients: GET /clients paging and filters, GraphQL clients, client, node. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFields, createClient, expectDetail, type WireClient } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface ClientList {
  clients: WireClient[];
  total: number;
  next_cursor: string | null;
}

let server: TestServer;
let key: string;
/** Created a minute apart, oldest first: Ace Plumbing, Bolt Electric (paused), Cedar Roofing. */
let ace: WireClient;
let bolt: WireClient;
let cedar: WireClient;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
  ace = await createClient(server, key, { name: 'Ace Plumbing' });
  server.clock.advance(60_000);
  bolt = await createClient(server, key, { name: 'Bolt Electric' });
  server.clock.advance(60_000);
  cedar = await createClient(server, key, { name: 'Cedar Roofing' });
  await server.rest('POST', `/clients/${bolt.id}/pause`, { key });
});

afterAll(async () => {
  await server.close();
});

async function list(query = ''): Promise<ClientList> {
  const result = await server.rest('GET', `/clients${query}`, { key });
  expect(result.status, result.text).toBe(200);
  return result.json as ClientList;
}

const ids = (page: ClientList) => page.clients.map((client) => client.id);

describe('GET /clients', () => {
  it('answers exactly clients, total and next_cursor', async () => {
    const page = await list();

    expect(Object.keys(page).sort()).toStrictEqual(['clients', 'next_cursor', 'total']);
    expect(page.total).toBe(3);
    expect(page.next_cursor).toBeNull();
  });

  it('lists each client in the same shape as GET /clients/{id}', async () => {
    const page = await list();
    const one = await server.rest('GET', `/clients/${cedar.id}`, { key });

    expect(Object.keys(page.clients[0] ?? {}).sort()).toStrictEqual([...clientFields].sort());
    expect(page.clients[0]).toStrictEqual(one.json);
  });

  it('lists newest first', async () => {
    expect(ids(await list())).toStrictEqual([cedar.id, bolt.id, ace.id]);
  });

  it('answers at most limit clients and a next_cursor', async () => {
    const page = await list('?limit=2');

    expect(ids(page)).toStrictEqual([cedar.id, bolt.id]);
    expect(page.total).toBe(3);
    expect(page.next_cursor).toEqual(expect.any(String));
  });

  it('continues from next_cursor to the last page', async () => {
    const first = await list('?limit=2');

    const second = await list(`?limit=2&cursor=${encodeURIComponent(first.next_cursor ?? '')}`);

    expect(ids(second)).toStrictEqual([ace.id]);
    expect(second.next_cursor).toBeNull();
  });

  it('filters by status', async () => {
    const page = await list('?status=paused');

    expect(ids(page)).toStrictEqual([bolt.id]);
    expect(page.total).toBe(1);
  });

  it('searches names in any letter case', async () => {
    const page = await list('?search=pLUMB');

    expect(ids(page)).toStrictEqual([ace.id]);
    expect(page.total).toBe(1);
  });

  it.each(['%25', '_', '%5C'])('finds nothing for a search of %s alone', async (search) => {
    const page = await list(`?search=${search}`);

    expect(page).toMatchObject({ clients: [], total: 0 });
  });

  it('matches % and _ in a name literally', async () => {
    const other = (await server.createReseller()).apiKey;
    const deal = await createClient(server, other, { name: '50% Off_Roofing' });
    await createClient(server, other, { name: '50 Percent Off Roofing' });

    const result = await server.rest('GET', '/clients?search=0%25%20oFF_', { key: other });

    expect(result.json).toMatchObject({ clients: [{ id: deal.id }], total: 1 });
  });

  it.each([
    ['a NUL character', '%00'],
    ['201 characters', 'x'.repeat(201)],
  ])('refuses a search with %s with 422 naming search', async (_why, search) => {
    const result = await server.rest('GET', `/clients?search=${search}`, { key });

    expectDetail(result, 422, 'search');
  });

  it('refuses a forged cursor carrying a NUL character with 422 naming cursor', async () => {
    const forged = Buffer.from(`${Date.now()}:cust_\u0000`).toString('base64url');

    const result = await server.rest('GET', `/clients?cursor=${forged}`, { key });

    expectDetail(result, 422, 'cursor');
  });

  it.each(['0', '101', 'ten', '2.5'])('refuses limit=%s with 422 naming limit', async (limit) => {
    const result = await server.rest('GET', `/clients?limit=${limit}`, { key });

    expectDetail(result, 422, 'limit');
  });

  it('refuses a cursor it did not issue with 422 naming cursor', async () => {
    const result = await server.rest('GET', '/clients?cursor=garbage', { key });

    expectDetail(result, 422, 'cursor');
  });

  it('refuses an unknown status with 422 naming status', async () => {
    const result = await server.rest('GET', '/clients?status=deleted', { key });

    expectDetail(result, 422, 'status');
  });
});

describe('GraphQL clients', () => {
  const clientsQuery = `query (
    $first: Int, $after: String, $status: ClientStatus, $search: String
  ) {
    clients(first: $first, after: $after, status: $status, search: $search) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id } }
    }
  }`;

  interface Connection {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string } }[];
  }

  async function clients(variables: Record<string, unknown>): Promise<Connection> {
    const result = await server.graphql(clientsQuery, variables, { key });
    const body = result.json as { data?: { clients: Connection }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return (body.data as { clients: Connection }).clients;
  }

  const nodeIds = (connection: Connection) => connection.edges.map((edge) => edge.node.id);

  it('pages newest first with totalCount and pageInfo', async () => {
    const page = await clients({ first: 2 });

    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(nodeIds(page)).toStrictEqual([cedar.id, bolt.id]);
  });

  it('continues after endCursor', async () => {
    const first = await clients({ first: 2 });

    const second = await clients({ first: 2, after: first.pageInfo.endCursor });

    expect(nodeIds(second)).toStrictEqual([ace.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by status', async () => {
    expect(nodeIds(await clients({ status: 'PAUSED' }))).toStrictEqual([bolt.id]);
  });

  it('searches names in any letter case', async () => {
    expect(nodeIds(await clients({ search: 'ROOF' }))).toStrictEqual([cedar.id]);
  });
});

describe('GraphQL client and node', () => {
  it('reads one client by id', async () => {
    const result = await server.graphql(
      'query ($id: ID!) { client(id: $id) { id name status } }',
      { id: bolt.id },
      { key },
    );

    expect(result.json).toStrictEqual({
      data: { client: { id: bolt.id, name: 'Bolt Electric', status: 'PAUSED' } },
    });
  });

  const nodeQuery = 'query ($id: ID!) { node(id: $id) { id ... on Client { name } } }';

  it('resolves a cust_ id through node', async () => {
    const result = await server.graphql(nodeQuery, { id: ace.id }, { key });

    expect(result.json).toStrictEqual({ data: { node: { id: ace.id, name: 'Ace Plumbing' } } });
  });

  it("answers null through node for another reseller's client", async () => {
    const other = await server.createReseller('Other Agency');

    const result = await server.graphql(nodeQuery, { id: ace.id }, { key: other.apiKey });

    expect(result.json).toStrictEqual({ data: { node: null } });
  });
});
