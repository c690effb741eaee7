/** A Redis that stalls or refuses lets requests through uncounted, promptly, logged once. */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type CallResult, type TestServer } from '../support/server.js';

interface LogLine {
  level: number;
  msg: string;
}

function capturedLog() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(text) as LogLine);
      }
      done();
    },
  });
  return { lines, log: pino({ level: 'info' }, stream) };
}

const outageLines = (lines: LogLine[]) =>
  lines.filter((line) => line.msg.startsWith('rate limiter store unavailable'));

async function listenOn(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function expectLetThrough(results: CallResult[]) {
  for (const result of results) {
    expect(result.status).toBe(200);
    expect(result.headers.get('x-ratelimit-limit')).toBeNull();
  }
}

describe.each([
  ['accepts connections but never answers', () => createServer(() => undefined)],
  [
    'closes every connection at once',
    () =>
      createServer((socket) => {
        socket.destroy();
      }),
  ],
])('a Redis that %s', (_how, makeRedis) => {
  const { lines, log } = capturedLog();
  let redis: Server;
  let server: TestServer;
  let key: string;

  beforeAll(async () => {
    redis = makeRedis();
    const port = await listenOn(redis);
    server = await startTestServer({ redisUrl: `redis://127.0.0.1:${port}`, log });
    key = (await server.createReseller()).apiKey;
  });

  afterAll(async () => {
    await server.close();
    redis.close();
  });

  it('lets requests through without rate-limit headers', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => server.rest('GET', '/account', { key })),
    );

    expectLetThrough(results);
  });

  it('logs the outage once, not once per request', async () => {
    expectLetThrough([await server.rest('GET', '/account', { key })]);

    expect(outageLines(lines)).toHaveLength(1);
  });
});
