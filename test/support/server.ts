/** A real server on a free loopback port, over a fresh database, with helpers to call it. */
import { pino, type Logger } from 'pino';
import { createApp, type App } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createReseller } from '../../src/domain/account/service.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestServerOptions {
  rateLimitPerMinute?: number;
  redisUrl?: string;
  /** Reuse another server's database (two instances of one deployment). */
  database?: TestDatabase;
  env?: Record<string, string>;
  /** Where the server logs; silent unless TEST_LOG_LEVEL is set. */
  log?: Logger;
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown;
}

export interface TestServer {
  app: App;
  url: string;
  clock: ManualClock;
  database: TestDatabase;
  /** Every SQL statement run since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  createReseller(name?: string): Promise<{ resellerId: string; apiKey: string }>;
  /** Calls /api/reseller/v1 + path. */
  rest(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<CallResult>;
  close(): Promise<void>;
}

export async function call(url: string, method: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method, headers, body: body ?? null });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 1000),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  const clock = new ManualClock();
  const queries: string[] = [];
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await createApp({ config, clock, log, onQuery: (sql) => queries.push(sql) });
  const url = await app.listen(0, '127.0.0.1');

  return {
    app,
    url,
    clock,
    database,
    queries,
    resetQueries: () => void queries.splice(0),
    createReseller: async (name = 'Test Agency') => {
      const issued = await createReseller(app.db, name);
      return { resellerId: issued.resellerId, apiKey: issued.apiKey };
    },
    rest: (method, path, callOptions) => call(`${url}/api/reseller/v1${path}`, method, callOptions),
    graphql: (query, variables, callOptions) =>
      call(`${url}/graphql`, 'POST', { ...callOptions, body: { query, variables } }),
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
