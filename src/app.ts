/** Wires one instance of the API: database, limiter, schema, GraphQL and REST, HTTP server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createMemoryRateLimiter, createRedisRateLimiter } from './auth/rate-limit.js';
import { decisionDeadlineMs, failOpen, type AdmissionLimiter } from './auth/fail-open.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createDb, prepareDatabase, type Db } from './db/client.js';
import { committedMigrationNames, migrateWhenBehind } from './db/migrations.js';
import { checkReadiness } from './db/readiness.js';
import { graphqlLimits } from './graphql/limits.js';
import { schema } from './graphql/schema.js';
import { createGraphQLServer } from './graphql/yoga.js';
import { createRequestHandler } from './http/server.js';
import { createLogger } from './logger.js';
import { RestRouter } from './rest/router.js';
import { buildRestRoutes } from './rest/routes.js';

export interface AppOptions {
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** Sees every SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  /** Apply committed migrations before serving (default true). */
  migrate?: boolean;
}

export interface App {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  server: Server;
  /** Starts listening; answers the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting, drains in-flight requests, then releases connections. */
  close(): Promise<void>;
}

const drainTimeoutMs = 10_000;

function createLimiter(
  config: Config,
  clock: Clock,
  log: Logger,
): { limiter: AdmissionLimiter; redis?: Redis } {
  const options = { limit: config.rateLimitPerMinute, now: () => clock.now().getTime() };
  // Counting in memory cannot fail or stall, so it needs no deadline.
  if (!config.redisUrl) return { limiter: createMemoryRateLimiter(options) };
  const redis = new Redis(config.redisUrl, {
    maxRetriesPerRequest: 1,
    commandTimeout: decisionDeadlineMs,
    connectTimeout: 2_000,
  });
  // Connection errors come back through the commands that fail; failOpen logs the outage once.
  redis.on('error', (error: Error) => {
    log.debug({ err: error }, 'redis connection error');
  });
  return { limiter: failOpen(createRedisRateLimiter(redis, options), log), redis };
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.logLevel);

  if (options.migrate ?? true) await migrateWhenBehind(config.database);
  const expectedMigrations = await committedMigrationNames(config.database.provider);
  const db = createDb(config.database, options.onQuery ? { onQuery: options.onQuery } : {});
  await prepareDatabase(db, config.database).catch((error: unknown) => {
    // A database that cannot be opened yet still gets a server, whose /readyz says so.
    log.warn({ err: error }, 'could not prepare the database');
  });
  const { limiter, redis } = createLimiter(config, clock, log);

  const contextDeps = {
    db,
    provider: config.database.provider,
    clock,
    rateLimitPerMinute: config.rateLimitPerMinute,
    queryLimits: {
      depth: config.graphqlMaxDepth,
      complexity: config.graphqlMaxComplexity,
      breadth: graphqlLimits.breadth,
    },
  };
  const yoga = createGraphQLServer({ ...contextDeps, log });
  const router = new RestRouter(buildRestRoutes(schema));
  const readiness = () => checkReadiness(db, expectedMigrations);
  const handler = createRequestHandler({
    ...contextDeps,
    log,
    limiter,
    schema,
    yoga,
    router,
    readiness,
  });
  // While draining, each response closes its connection so kept-alive sockets do not hold
  // the shutdown open until their keep-alive timeout.
  let draining = false;
  // A caller gets 10 s to send its headers and 30 s for the whole request, then a 408.
  const timeouts = { keepAliveTimeout: 5_000, headersTimeout: 10_000, requestTimeout: 30_000 };
  const server = createServer(timeouts, (req, res) => {
    if (draining) res.setHeader('Connection', 'close');
    res.on('finish', () => {
      if (draining) req.socket.end();
    });
    handler(req, res);
  });

  return {
    config,
    db,
    clock,
    log,
    server,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      server.closeIdleConnections();
      const force = setTimeout(() => {
        server.closeAllConnections();
      }, drainTimeoutMs);
      await closed;
      clearTimeout(force);
      await limiter.close();
      // QUIT needs a live connection; without one there is nothing to say goodbye to.
      await redis?.quit().catch(() => {
        redis.disconnect();
      });
      await db.$disconnect();
    },
  };
}
