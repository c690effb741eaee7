/** What every resolver receives: the caller, the database, the clock and the request's logger. */
import type { Logger } from 'pino';
import type { Caller } from '../auth/authenticate.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';

export interface Context {
  requestId: string;
  caller: Caller;
  db: Db;
  clock: Clock;
  log: Logger;
  rateLimitPerMinute: number;
}
