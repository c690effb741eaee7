/** What every resolver receives: the caller, the database, the clock, loaders and the logger. */
import type { Logger } from 'pino';
import type { Caller } from '../auth/authenticate.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Provider } from '../db/target.js';
import { createUsageLoader } from '../domain/usage/loader.js';

export interface Context {
  requestId: string;
  caller: Caller;
  db: Db;
  provider: Provider;
  clock: Clock;
  log: Logger;
  rateLimitPerMinute: number;
  queryLimits: QueryLimits;
  loaders: Loaders;
}

/** Per-document bounds checked before execution (see graphql/limits.ts for the rest). */
export interface QueryLimits {
  depth: number;
  breadth: number;
  complexity: number;
}

export interface Loaders {
  usage: ReturnType<typeof createUsageLoader>;
}

/** What the process provides to every request. */
export interface ContextDeps {
  db: Db;
  provider: Provider;
  clock: Clock;
  rateLimitPerMinute: number;
  queryLimits: QueryLimits;
}

export function createContext(
  deps: ContextDeps,
  request: { requestId: string; caller: Caller; log: Logger },
): Context {
  return {
    ...request,
    db: deps.db,
    provider: deps.provider,
    clock: deps.clock,
    rateLimitPerMinute: deps.rateLimitPerMinute,
    queryLimits: deps.queryLimits,
    loaders: { usage: createUsageLoader(deps.db, deps.clock) },
  };
}
