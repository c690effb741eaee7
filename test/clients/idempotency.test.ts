/** Idempotency-Key on POST /clients and idempotencyKey on GraphQL createClient. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectDetail, type WireClient } from '../support/clients.js';
import { startTestServer, type CallResult, type TestServer } from '../support/server.js';

const dayMs = 24 * 60 * 60 * 1000;
const ace = { name: 'Ace Plumbing', industry: 'plumbing' };
const bolt = { name: 'Bolt Electric', industry: 'electrical' };

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** Each test gets an account of its own, so keys and client counts never mix. */
const newAccount = async () => (await server.createReseller()).apiKey;

const createWithKey = (key: string, idempotencyKey: string, body: unknown) =>
  server.rest('POST', '/clients', { key, body, headers: { 'idempotency-key': idempotencyKey } });

const idOf = (result: CallResult) => (result.json as WireClient).id;

async function clientCount(key: string): Promise<number> {
  const result = await server.rest('GET', '/clients', { key });
  return (result.json as { total: number }).total;
}

describe('POST /clients with Idempotency-Key', () => {
  it('answers a retry with the same body with the first client', async () => {
    const key = await newAccount();

    const first = await createWithKey(key, 'k1', ace);
    const retry = await createWithKey(key, 'k1', ace);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toStrictEqual(first.json);
  });

  it('creates only one client for the retried request', async () => {
    const key = await newAccount();

    await createWithKey(key, 'k1', ace);
    await createWithKey(key, 'k1', ace);

    expect(await clientCount(key)).toBe(1);
  });

  it('treats the same fields in another order as the same request', async () => {
    const key = await newAccount();

    const first = await createWithKey(key, 'k1', { name: 'Ace Plumbing', industry: 'plumbing' });
    const retry = await createWithKey(key, 'k1', { industry: 'plumbing', name: 'Ace Plumbing' });

    expect(idOf(retry)).toBe(idOf(first));
  });

  it('refuses the same key with a different body with 409', async () => {
    const key = await newAccount();
    await createWithKey(key, 'k1', ace);

    expectDetail(await createWithKey(key, 'k1', bolt), 409);
    expect(await clientCount(key)).toBe(1);
  });

  it('creates a new client for a different key', async () => {
    const key = await newAccount();

    const first = await createWithKey(key, 'k1', ace);
    const second = await createWithKey(key, 'k2', ace);

    expect(second.status).toBe(201);
    expect(idOf(second)).not.toBe(idOf(first));
    expect(await clientCount(key)).toBe(2);
  });

  it('creates a new client for a request without a key', async () => {
    const key = await newAccount();

    await createWithKey(key, 'k1', ace);
    await server.rest('POST', '/clients', { key, body: ace });

    expect(await clientCount(key)).toBe(2);
  });

  it('keeps a key for 24 hours', async () => {
    const key = await newAccount();
    await createWithKey(key, 'k1', ace);
    server.clock.advance(dayMs - 1000);

    expectDetail(await createWithKey(key, 'k1', bolt), 409);
  });

  it('forgets a key after 24 hours', async () => {
    const key = await newAccount();
    await createWithKey(key, 'k1', ace);
    server.clock.advance(dayMs + 1000);

    const later = await createWithKey(key, 'k1', bolt);

    expect(later.status).toBe(201);
    expect((later.json as WireClient).name).toBe('Bolt Electric');
  });

  it('keeps keys per reseller', async () => {
    const key = await newAccount();
    const otherKey = await newAccount();
    const mine = await createWithKey(key, 'k1', ace);

    const theirs = await createWithKey(otherKey, 'k1', bolt);

    expect(theirs.status).toBe(201);
    expect(idOf(theirs)).not.toBe(idOf(mine));
    expect((theirs.json as WireClient).name).toBe('Bolt Electric');
  });

  it('creates one client when two retries race', async () => {
    const key = await newAccount();

    const results = await Promise.all([
      createWithKey(key, 'k1', ace),
      createWithKey(key, 'k1', ace),
    ]);

    expect(await clientCount(key)).toBe(1);
    const created = results.filter((result) => result.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map(idOf)).size).toBe(1);
    for (const result of results.filter((r) => r.status !== 201)) expectDetail(result, 409);
  });

  it('does not burn the key on a request the field rules refuse', async () => {
    const key = await newAccount();
    expectDetail(await createWithKey(key, 'k1', { ...ace, voice_persona: 'alloy' }), 422);

    const retry = await createWithKey(key, 'k1', { ...ace, voice_persona: 'ash' });

    expect(retry.status).toBe(201);
    expect((retry.json as WireClient).config.voice_persona).toBe('ash');
  });

  it('does not burn the key on a request without a name', async () => {
    const key = await newAccount();
    expectDetail(await createWithKey(key, 'k1', { industry: 'plumbing' }), 422);

    const retry = await createWithKey(key, 'k1', ace);

    expect(retry.status).toBe(201);
  });

  it('refuses a key longer than 255 characters with 422', async () => {
    const key = await newAccount();

    expectDetail(await createWithKey(key, 'k'.repeat(256), ace), 422);
  });

  it('names the Idempotency-Key header when it refuses a key', async () => {
    const key = await newAccount();

    const result = await createWithKey(key, 'two words', ace);

    expect(result.json).toStrictEqual({
      detail: 'Idempotency-Key header: must be 1 to 255 printable ASCII characters',
    });
  });
});

describe('GraphQL createClient(idempotencyKey:)', () => {
  const createClient = `mutation ($input: CreateClientInput!, $key: String) {
    createClient(input: $input, idempotencyKey: $key) {
      __typename
      ... on CreateClientSuccess { client { id name } }
      ... on Error { code }
    }
  }`;

  const create = async (key: string, input: unknown, idempotencyKey: string) => {
    const result = await server.graphql(createClient, { input, key: idempotencyKey }, { key });
    return (result.json as { data: { createClient: Record<string, unknown> } }).data.createClient;
  };

  it('answers a retry with the first client', async () => {
    const key = await newAccount();

    const first = await create(key, { name: 'Ace Plumbing' }, 'g1');
    const retry = await create(key, { name: 'Ace Plumbing' }, 'g1');

    expect(first.__typename).toBe('CreateClientSuccess');
    expect(retry).toStrictEqual(first);
    expect(await clientCount(key)).toBe(1);
  });

  it('answers the same key with a different input with a ConflictError', async () => {
    const key = await newAccount();
    await create(key, { name: 'Ace Plumbing' }, 'g1');

    const other = await create(key, { name: 'Bolt Electric' }, 'g1');

    expect(other).toStrictEqual({ __typename: 'ConflictError', code: 'CONFLICT' });
  });

  it('replays a client first created over REST with the same key', async () => {
    const key = await newAccount();
    const rest = await createWithKey(key, 'k1', { name: 'Ace Plumbing' });

    const retry = await create(key, { name: 'Ace Plumbing' }, 'k1');

    expect(retry).toMatchObject({ client: { id: idOf(rest) } });
  });
});
