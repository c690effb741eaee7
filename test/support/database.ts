/**
 * A fresh, migrated database per test file: a temporary SQLite file by default, or a schema of
 * its own in the PostgreSQL database named by TEST_DATABASE_URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBase62 } from '../../src/ids.js';
import { parseDatabaseUrl, type DatabaseTarget } from '../../src/db/target.js';

export const testPostgresUrl = process.env.TEST_DATABASE_URL;
export const testProvider = testPostgresUrl?.startsWith('postg') ? 'postgresql' : 'sqlite';

export interface TestDatabase {
  url: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export function createTestDatabase(): TestDatabase {
  if (testPostgresUrl && testProvider === 'postgresql') {
    const schema = `test_${randomBase62(12).toLowerCase()}`;
    const url = new URL(testPostgresUrl);
    url.searchParams.set('schema', schema);
    const target = parseDatabaseUrl(url.toString());
    return { url: url.toString(), target, drop: () => dropSchema(testPostgresUrl, schema) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'hithisis-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  return {
    url,
    target: parseDatabaseUrl(url),
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

async function dropSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
