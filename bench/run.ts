// Load figures for the main read paths, on loopback, over a fresh SQLite database (or
// BENCH_DATABASE_URL=postgresql://…?schema=bench). The server runs in a child process, as
// `npm start` runs it, so the load generator does not share its event loop.
// Prints requests/s and latency percentiles.
//   npm run bench [-- --seconds 5 --concurrency 16 --clients 50]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createReseller } from '../src/domain/account/service.js';
import { createClient } from '../src/domain/clients/service.js';
import { systemClock } from '../src/clock.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    clients: { type: 'string', default: '50' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

const dir = mkdtempSync(path.join(tmpdir(), 'hithisis-bench-'));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${path.join(dir, 'bench.db')}`;
const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl,
  RATE_LIMIT_PER_MINUTE: '1000000',
});
const seed = await createApp({ config, log: pino({ level: 'silent' }) });
const { resellerId, apiKey } = await createReseller(seed.db, 'Bench Agency');
for (let i = 0; i < Number(values.clients); i++) {
  await createClient({ db: seed.db, clock: systemClock, resellerId }, { name: `Client ${i}` });
}
await seed.close();

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    SECRETS_KEY: randomBytes(32).toString('base64'),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitUntilUp(`${base}/healthz`);

interface Scenario {
  name: string;
  url: string;
  init: RequestInit;
}

const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
const graphql = (query: string): RequestInit => ({
  method: 'POST',
  headers,
  body: JSON.stringify({ query }),
});
const scenarios: Scenario[] = [
  { name: 'GET /healthz', url: `${base}/healthz`, init: {} },
  { name: 'GET /api/reseller/v1/meta', url: `${base}/api/reseller/v1/meta`, init: { headers } },
  {
    name: 'GET /api/reseller/v1/clients (50)',
    url: `${base}/api/reseller/v1/clients?limit=50`,
    init: { headers },
  },
  {
    name: 'GraphQL clients(first: 50) config+usage',
    url: `${base}/graphql`,
    init: graphql(
      '{ clients(first: 50) { edges { node { ' +
        'id name config { voicePersona } usage { available } } } } }',
    ),
  },
];

async function measure(scenario: Scenario) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let failures = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      const response = await fetch(scenario.url, scenario.init);
      await response.arrayBuffer();
      if (!response.ok) failures++;
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies[Math.floor((latencies.length - 1) * p)] ?? 0).toFixed(1);
  console.log(
    [
      scenario.name.padEnd(44),
      `${(latencies.length / seconds).toFixed(0).padStart(7)} req/s`,
      `p50 ${at(0.5)} ms`,
      `p99 ${at(0.99)} ms`,
      ...(failures ? [`${failures} failed`] : []),
    ].join('  '),
  );
}

console.log(`${config.database.provider}, ${concurrency} concurrent, ${seconds}s each`);
for (const scenario of scenarios) await measure(scenario);
server.kill('SIGTERM');
await once(server, 'exit');
rmSync(dir, { recursive: true, force: true });

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: found } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return found;
}

async function waitUntilUp(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start');
}
