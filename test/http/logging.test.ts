/** One JSON log line per request, errors logged once with the request id, secrets never. */
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  resellerId?: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  err?: { message?: string };
  aborted?: boolean;
}

const lines: LogLine[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const text of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(JSON.parse(text) as LogLine);
    }
    done();
  },
});

let server: TestServer;
let key: string;
let resellerId: string;

beforeAll(async () => {
  server = await startTestServer({ log: pino({ level: 'info' }, capture) });
  ({ apiKey: key, resellerId } = await server.createReseller());
});

afterAll(async () => {
  await server.close();
});

/** The log lines of one request, found by the id it was sent with. */
async function linesOf(
  requestId: string,
  send: (headers: Record<string, string>) => Promise<unknown>,
) {
  await send({ 'x-request-id': requestId });
  await new Promise((resolve) => setImmediate(resolve));
  return lines.filter((line) => line.requestId === requestId);
}

describe('request logs', () => {
  it('writes one line per request: id, reseller, method, route, status and time', async () => {
    const logged = await linesOf('log-one-line', (headers) =>
      server.rest('GET', '/clients/cust_missing', { key, headers }),
    );

    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      msg: 'request',
      resellerId,
      method: 'GET',
      route: 'GET /api/reseller/v1/clients/:id',
      status: 404,
    });
    expect(typeof logged[0]?.ms).toBe('number');
  });

  it('logs GraphQL requests under their endpoint', async () => {
    const logged = await linesOf('log-graphql', (headers) =>
      server.graphql('{ account { id } }', undefined, { key, headers }),
    );

    expect(logged).toMatchObject([{ route: 'POST /graphql', status: 200, resellerId }]);
  });

  it('never writes an API key, whether accepted or refused', async () => {
    const refused = `htir_${'x'.repeat(32)}`;
    await server.rest('GET', '/account', { key });
    await server.rest('GET', '/account', { key: refused });
    await server.graphql('{ account { id } }', undefined, { key: refused });

    const text = JSON.stringify(lines);
    expect(text).not.toContain(key);
    expect(text).not.toContain(refused);
    expect(text).not.toContain(key.slice(5));
  });
});

describe('a caller that hangs up mid-body', () => {
  /** Sends headers promising 100 bytes, then 4 bytes, then closes the connection. */
  async function hangUp(path: string, requestId: string): Promise<void> {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n` +
        `Content-Type: application/json\r\nContent-Length: 100\r\n` +
        `X-Request-Id: ${requestId}\r\n\r\n{"na`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    for (let i = 0; i < 50 && !lines.some((l) => l.requestId === requestId); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it.each([
    ['REST', '/api/reseller/v1/clients'],
    ['GraphQL', '/graphql'],
  ])('is not logged as an unexpected error on %s', async (_api, path) => {
    const requestId = `log-hang-up-${path.length}`;

    await hangUp(path, requestId);

    const logged = lines.filter((line) => line.requestId === requestId);
    expect(logged).toMatchObject([{ msg: 'request', aborted: true }]);
    expect(logged.filter((line) => line.level >= 50)).toStrictEqual([]);
  });
});

describe('unexpected errors', () => {
  let broken: TestServer;
  const brokenLines: LogLine[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString().split('\n').filter(Boolean)) {
          brokenLines.push(JSON.parse(text) as LogLine);
        }
        done();
      },
    });
    broken = await startTestServer({ log: pino({ level: 'info' }, sink) });
    await broken.app.db.$executeRawUnsafe('DROP TABLE "ApiKey"');
  });

  afterAll(async () => {
    await broken.close();
  });

  it('are logged once, with the request id, while the caller sees no cause', async () => {
    const result = await broken.rest('GET', '/account', {
      key: `htir_${'y'.repeat(32)}`,
      headers: { 'x-request-id': 'log-unexpected' },
    });
    await new Promise((resolve) => setImmediate(resolve));

    const errors = brokenLines.filter((l) => l.requestId === 'log-unexpected' && l.level >= 50);
    expect(result.status).toBe(500);
    expect(result.json).toStrictEqual({ detail: 'Internal server error' });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.err?.message).toMatch(/ApiKey/);
  });
});
