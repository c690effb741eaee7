/** Every way a caller is admitted or refused, on REST (GET /account) and GraphQL ({ account }). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiKey,
  revokeApiKey,
  rotateApiKey,
  setResellerStatus,
} from '../../src/domain/account/service.js';
import { displayPrefix } from '../../src/auth/api-keys.js';
import { call, startTestServer, type CallResult, type TestServer } from '../support/server.js';

const anyText: unknown = expect.any(String);

type Protocol = 'REST' | 'GraphQL';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const bearer = (key: string) => `Bearer ${key}`;

/** Asks for the caller's account with exactly the Authorization header given. */
function askAccount(protocol: Protocol, authorization?: string): Promise<CallResult> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  if (protocol === 'REST') return call(`${server.url}/api/reseller/v1/account`, 'GET', { headers });
  return call(`${server.url}/graphql`, 'POST', { body: { query: '{ account { id } }' }, headers });
}

function accountIdIn(protocol: Protocol, result: CallResult): unknown {
  const body = result.json as { id?: unknown; data?: { account?: { id?: unknown } } };
  return protocol === 'REST' ? body.id : body.data?.account?.id;
}

function expectAdmitted(protocol: Protocol, result: CallResult, resellerId: string) {
  expect(result.status).toBe(200);
  expect(accountIdIn(protocol, result)).toBe(resellerId);
}

function expectRefused(protocol: Protocol, result: CallResult, status: 401 | 403) {
  expect(result.status).toBe(status);
  if (protocol === 'REST') {
    expect(result.json).toStrictEqual({ detail: anyText });
  } else {
    const code = status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    expect(result.json).toStrictEqual({
      errors: [{ message: anyText, extensions: { code } }],
    });
  }
  const challenge = result.headers.get('www-authenticate');
  expect(challenge).toBe(status === 401 ? 'Bearer' : null);
}

describe.each<Protocol>(['REST', 'GraphQL'])('authentication on %s', (protocol) => {
  it('refuses a request without Authorization', async () => {
    expectRefused(protocol, await askAccount(protocol), 401);
  });

  it('refuses a valid key sent with the Basic scheme', async () => {
    const { apiKey } = await server.createReseller();

    expectRefused(protocol, await askAccount(protocol, `Basic ${apiKey}`), 401);
  });

  it('refuses Bearer without a key', async () => {
    expectRefused(protocol, await askAccount(protocol, 'Bearer'), 401);
  });

  it('refuses a well-formed key nobody issued', async () => {
    const unknown = `htir_${'A'.repeat(32)}`;

    expectRefused(protocol, await askAccount(protocol, bearer(unknown)), 401);
  });

  it('refuses a key in the wrong format', async () => {
    const { apiKey } = await server.createReseller();

    expectRefused(protocol, await askAccount(protocol, bearer(`${apiKey}x`)), 401);
    expectRefused(protocol, await askAccount(protocol, bearer(apiKey.slice(5))), 401);
  });

  it('admits a valid key as its own reseller', async () => {
    const { resellerId, apiKey } = await server.createReseller();

    expectAdmitted(protocol, await askAccount(protocol, bearer(apiKey)), resellerId);
  });

  it('refuses a revoked key', async () => {
    const { apiKey } = await server.createReseller();

    await revokeApiKey(server.app.db, displayPrefix(apiKey), server.clock);

    expectRefused(protocol, await askAccount(protocol, bearer(apiKey)), 401);
  });

  it('refuses a suspended reseller with 403', async () => {
    const { resellerId, apiKey } = await server.createReseller();

    await setResellerStatus(server.app.db, resellerId, 'suspended');

    expectRefused(protocol, await askAccount(protocol, bearer(apiKey)), 403);
  });

  it('admits a reseller again once reactivated', async () => {
    const { resellerId, apiKey } = await server.createReseller();
    await setResellerStatus(server.app.db, resellerId, 'suspended');

    await setResellerStatus(server.app.db, resellerId, 'active');

    expectAdmitted(protocol, await askAccount(protocol, bearer(apiKey)), resellerId);
  });

  it('refuses the old key and admits the new one after a rotation', async () => {
    const { resellerId, apiKey } = await server.createReseller();

    const rotated = await rotateApiKey(server.app.db, resellerId, server.clock);

    expectRefused(protocol, await askAccount(protocol, bearer(apiKey)), 401);
    expectAdmitted(protocol, await askAccount(protocol, bearer(rotated.apiKey)), resellerId);
  });

  it('keeps the old key working when another key is created', async () => {
    const { resellerId, apiKey } = await server.createReseller();

    const created = await createApiKey(server.app.db, resellerId);

    expectAdmitted(protocol, await askAccount(protocol, bearer(apiKey)), resellerId);
    expectAdmitted(protocol, await askAccount(protocol, bearer(created.apiKey)), resellerId);
  });

  it('shows each reseller only its own account', async () => {
    const first = await server.createReseller('First Agency');
    const second = await server.createReseller('Second Agency');

    expectAdmitted(protocol, await askAccount(protocol, bearer(first.apiKey)), first.resellerId);
    expectAdmitted(protocol, await askAccount(protocol, bearer(second.apiKey)), second.resellerId);
  });
});

describe('the rotateApiKey mutation', () => {
  const rotation = 'mutation { rotateApiKey { apiKey prefix } }';

  async function rotateThroughGraphQL(apiKey: string) {
    const result = await server.graphql(rotation, undefined, { key: apiKey });
    expect(result.status).toBe(200);
    return (result.json as { data: { rotateApiKey: { apiKey: string; prefix: string } } }).data
      .rotateApiKey;
  }

  it('answers a new key that works at once', async () => {
    const { resellerId, apiKey } = await server.createReseller();

    const rotated = await rotateThroughGraphQL(apiKey);

    expect(rotated.apiKey).not.toBe(apiKey);
    expect(rotated.prefix).toBe(displayPrefix(rotated.apiKey));
    expectAdmitted('REST', await askAccount('REST', bearer(rotated.apiKey)), resellerId);
    expectAdmitted('GraphQL', await askAccount('GraphQL', bearer(rotated.apiKey)), resellerId);
  });

  it('refuses the calling key at once', async () => {
    const { apiKey } = await server.createReseller();

    await rotateThroughGraphQL(apiKey);

    expectRefused('REST', await askAccount('REST', bearer(apiKey)), 401);
    expectRefused('GraphQL', await askAccount('GraphQL', bearer(apiKey)), 401);
  });

  it("leaves another reseller's key working", async () => {
    const rotating = await server.createReseller();
    const bystander = await server.createReseller();

    await rotateThroughGraphQL(rotating.apiKey);

    const result = await askAccount('REST', bearer(bystander.apiKey));
    expectAdmitted('REST', result, bystander.resellerId);
  });
});
