/** What the HTTP layer shares with its handlers. */
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { AdmissionLimiter } from '../auth/fail-open.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import type { Readiness } from '../db/readiness.js';
import type { createGraphQLServer } from '../graphql/yoga.js';
import type { RestRouter } from '../rest/router.js';
import type { ContextDeps } from '../graphql/context.js';

export interface HttpDeps extends ContextDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  limiter: AdmissionLimiter;
  rateLimitPerMinute: number;
  schema: GraphQLSchema;
  yoga: ReturnType<typeof createGraphQLServer>;
  router: RestRouter;
  readiness: () => Promise<Readiness>;
}

/** Filled in while a request is handled; logged as one line when it finishes. */
export interface RequestEntry {
  requestId: string;
  log: Logger;
  route: string;
  resellerId: string | undefined;
}
