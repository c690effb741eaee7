/** The Prisma driver adapter for a database target, shared by the client and the migrator. */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './target.js';

export type AdapterFactory = PrismaBetterSqlite3 | PrismaPg;

export function createAdapterFactory(target: DatabaseTarget): AdapterFactory {
  if (target.provider === 'sqlite') {
    return new PrismaBetterSqlite3({ url: target.file, timeout: 5000 });
  }
  return new PrismaPg(
    {
      connectionString: target.connectionString,
      options: `-c search_path="${target.schema}"`,
      max: 10,
      // Without it a database that accepts connections but never answers hangs every request.
      connectionTimeoutMillis: 5_000,
    },
    { schema: target.schema },
  );
}
