/** /healthz and /readyz, and a graceful close that lets an in-flight request finish. */
import { request } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { testProvider } from '../support/database.js';
import { call, startTestServer, type TestServer } from '../support/server.js';

describe('a migrated server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers /healthz with 200 ok', async () => {
    const result = await call(`${server.url}/healthz`, 'GET');

    expect(result.status).toBe(200);
    expect(result.json).toStrictEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 ready', async () => {
    const result = await call(`${server.url}/readyz`, 'GET');

    expect(result.status).toBe(200);
    expect(result.json).toStrictEqual({ status: 'ready', detail: 'ok' });
  });
});

describe('a database that lost its migration history', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await server.app.db.$executeRawUnsafe('DROP TABLE _prisma_migrations');
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers /readyz with 503 and a reason', async () => {
    const result = await call(`${server.url}/readyz`, 'GET');

    expect(result.status).toBe(503);
    expect(result.json).toMatchObject({
      status: 'not_ready',
      detail: expect.stringMatching(/^database unavailable: \S/) as unknown,
    });
  });

  it('still answers /healthz with 200', async () => {
    const result = await call(`${server.url}/healthz`, 'GET');

    expect(result.status).toBe(200);
  });
});

describe('a database missing a committed migration', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await server.app.db.$executeRawUnsafe('DELETE FROM _prisma_migrations');
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers /readyz with 503 naming the missing migrations', async () => {
    const result = await call(`${server.url}/readyz`, 'GET');

    expect(result.status).toBe(503);
    expect(result.json).toMatchObject({
      status: 'not_ready',
      detail: expect.stringMatching(/^migrations not applied: /) as unknown,
    });
  });
});

describe('a database that cannot be reached', () => {
  const unreachable =
    testProvider === 'postgresql'
      ? 'postgresql://postgres@127.0.0.1:1/test'
      : 'file:/nonexistent-dir-xyz/db.sqlite';
  let app: App;
  let url: string;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: unreachable });
    app = await createApp({ config, migrate: false, log: pino({ level: 'silent' }) });
    url = await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers /readyz with 503 rather than hanging', async () => {
    const result = await call(`${url}/readyz`, 'GET');

    expect(result.status).toBe(503);
    expect(result.json).toMatchObject({ status: 'not_ready' });
  }, 10_000);
});

describe.skipIf(testProvider !== 'postgresql')('a database that accepts but never answers', () => {
  let silent: Server;
  let app: App;
  let url: string;

  beforeAll(async () => {
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/test`,
    });
    app = await createApp({ config, migrate: false, log: pino({ level: 'silent' }) });
    url = await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    silent.close();
  });

  it('answers /readyz with 503 once the connection attempt times out', async () => {
    const result = await call(`${url}/readyz`, 'GET');

    expect(result.status).toBe(503);
    expect(result.json).toMatchObject({ status: 'not_ready' });
  }, 15_000);
});

describe('closing', () => {
  /** Sends the headers and half the body of a GraphQL request, and the rest when asked. */
  function startSlowQuery(url: string, key: string) {
    const body = JSON.stringify({ query: '{ meta { transferTriggers } }' });
    const half = Math.floor(body.length / 2);
    const target = new URL('/graphql', url);
    const req = request(target, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        // Kept alive, the finished connection would hold close() open until its timeout.
        connection: 'close',
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text });
        });
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, half));
    return { response, finish: () => req.end(body.slice(half)) };
  }

  it('lets a request in flight finish', async () => {
    const server = await startTestServer();
    const { apiKey } = await server.createReseller();
    const arrived = new Promise((resolve) => server.app.server.once('request', resolve));
    const slow = startSlowQuery(server.url, apiKey);
    await arrived;

    const closed = server.close();
    slow.finish();
    const result = await slow.response;
    await closed;

    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({
      data: { meta: { transferTriggers: ['always_offer', 'on_emergency', 'on_request'] } },
    });
  });
});
