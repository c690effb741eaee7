/** The Prisma client for the configured provider, with an optional hook seeing every SQL query. */
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.js';
import { createAdapterFactory } from './adapter.js';
import type { DatabaseTarget } from './target.js';

export { Prisma } from '../generated/sqlite/client.js';

/**
 * Both clients are generated from one model, so their APIs are the same; the SQLite client's
 * type stands for both.
 */
export type Db = SqliteClient<'query'>;

export interface DbOptions {
  onQuery?: (sql: string) => void;
}

export function createDb(target: DatabaseTarget, options: DbOptions = {}): Db {
  const adapter = createAdapterFactory(target);
  const log = [{ emit: 'event' as const, level: 'query' as const }];
  const db =
    target.provider === 'sqlite'
      ? new SqliteClient({ adapter, log })
      : (new PostgresClient({ adapter, log }) as unknown as Db);
  const onQuery = options.onQuery;
  if (onQuery) {
    db.$on('query', (event) => {
      onQuery(event.query);
    });
  }
  return db;
}

/**
 * SQLite in write-ahead-log mode lets readers go on while one writer commits; `synchronous =
 * NORMAL` is the setting WAL is designed for (durable at each checkpoint, never corrupt).
 */
export async function prepareDatabase(db: Db, target: DatabaseTarget): Promise<void> {
  if (target.provider !== 'sqlite' || target.file === ':memory:') return;
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
}
