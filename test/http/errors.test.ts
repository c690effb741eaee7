/** The REST adapter's error statuses, always as exactly {"detail": "..."}, and request ids. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../../src/http/body.js';
import { call, startTestServer, type CallResult, type TestServer } from '../support/server.js';

const anyText: unknown = expect.any(String);

const detailOnly = { detail: anyText };

const oversized = () => JSON.stringify({ pad: 'x'.repeat(maxBodyBytes) });

function expectDetail(result: CallResult, status: number): void {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(result.json).toStrictEqual(detailOnly);
}

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = (await server.createReseller()).apiKey;
});

afterAll(async () => {
  await server.close();
});

describe('routing', () => {
  it('answers an unknown path under /api/reseller/v1 with 404', async () => {
    const result = await server.rest('GET', '/no-such-thing', { key });

    expectDetail(result, 404);
  });

  it('answers a path outside the API with 404', async () => {
    const result = await call(`${server.url}/wp-admin`, 'GET');

    expectDetail(result, 404);
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const result = await server.rest('DELETE', '/meta', { key });

    expectDetail(result, 405);
    expect(result.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers HEAD wherever GET is, with the headers of GET and no body', async () => {
    const get = await server.rest('GET', '/meta', { key });
    const head = await server.rest('HEAD', '/meta', { key });

    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
  });

  it.each(['http://[', 'http://x:99999/graphql'])(
    'answers the malformed request target %s with 400',
    async (target) => {
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      let reply = '';
      for await (const chunk of socket) reply += String(chunk);

      expect(reply).toMatch(/^HTTP\/1\.1 400 /);
      expect(reply).toContain('{"detail":"Malformed request target"}');
    },
  );

  it('answers HEAD on a path without GET with 405', async () => {
    const result = await server.rest('HEAD', '/clients/cust_x/pause', { key });

    expect(result.status).toBe(405);
    expect(result.headers.get('allow')).toBe('POST');
  });
});

describe('REST bodies', () => {
  const headers = { 'content-type': 'application/json' };

  it('refuses a body over 1 MiB with 413', async () => {
    const result = await server.rest('POST', '/clients', { key, rawBody: oversized(), headers });

    expectDetail(result, 413);
    expect(result.headers.get('connection')).toBe('close');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const result = await server.rest('POST', '/clients', {
      key,
      rawBody: 'name=Ace',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expectDetail(result, 415);
  });

  it('refuses malformed JSON with 400 naming JSON', async () => {
    const result = await server.rest('POST', '/clients', { key, rawBody: '{"name":', headers });

    expectDetail(result, 400);
    expect((result.json as { detail: string }).detail).toMatch(/JSON/);
  });
});

describe('GraphQL bodies', () => {
  it('refuses a body over 1 MiB with 413', async () => {
    const result = await call(`${server.url}/graphql`, 'POST', {
      key,
      rawBody: oversized(),
      headers: { 'content-type': 'application/json' },
    });

    expect(result.status).toBe(413);
    expect(result.json).toStrictEqual({
      errors: [{ message: anyText, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(result.headers.get('connection')).toBe('close');
  });

  it('refuses a chunked body that grows past 1 MiB with 413', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > maxBodyBytes) controller.close();
        else controller.enqueue(chunk);
        sent += chunk.length;
      },
    });

    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });
});

describe('X-Request-Id', () => {
  const requestIdOf = (result: CallResult) => result.headers.get('x-request-id');

  it("echoes a caller's sane request id", async () => {
    const result = await server.rest('GET', '/meta', {
      key,
      headers: { 'x-request-id': 'crm-sync.42:retry-1' },
    });

    expect(requestIdOf(result)).toBe('crm-sync.42:retry-1');
  });

  it('replaces a request id with spaces in it', async () => {
    const result = await server.rest('GET', '/meta', {
      key,
      headers: { 'x-request-id': 'drop table' },
    });

    expect(requestIdOf(result)).toMatch(/^req_[0-9A-Za-z]{20}$/);
  });

  it('replaces a request id of 300 characters', async () => {
    const result = await server.rest('GET', '/meta', {
      key,
      headers: { 'x-request-id': 'a'.repeat(300) },
    });

    expect(requestIdOf(result)).toMatch(/^req_[0-9A-Za-z]{20}$/);
  });

  it('gives every response a request id of its own', async () => {
    const results = await Promise.all([
      server.rest('GET', '/meta', { key }),
      server.rest('GET', '/account'),
      server.rest('GET', '/nowhere', { key }),
      server.rest('DELETE', '/meta', { key }),
      server.graphql('{ meta { transferTriggers } }', undefined, { key }),
      call(`${server.url}/healthz`, 'GET'),
    ]);

    const ids = results.map(requestIdOf);
    expect(ids.every((id) => id !== null && /^req_/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(results.length);
  });
});

describe('an unexpected failure', () => {
  let broken: TestServer;
  let brokenKey: string;

  beforeAll(async () => {
    broken = await startTestServer();
    brokenKey = (await broken.createReseller()).apiKey;
    await broken.app.db.$executeRawUnsafe('DROP TABLE "ApiKey"');
  });

  afterAll(async () => {
    await broken.close();
  });

  it('answers REST with 500 and only "Internal server error"', async () => {
    const result = await broken.rest('GET', '/account', { key: brokenKey });

    expect(result.status).toBe(500);
    expect(result.text).toBe('{"detail":"Internal server error"}');
  });

  it('answers GraphQL with 500 and a masked error', async () => {
    const result = await broken.graphql('{ account { id } }', undefined, { key: brokenKey });

    expect(result.status).toBe(500);
    expect(result.json).toStrictEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }],
    });
  });
});
