/** The committed migration history: applied once, recorded, and in step with the model. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapterFactory } from '../../src/db/adapter.js';
import { createDb, type Db } from '../../src/db/client.js';
import {
  applyMigrations,
  committedMigrationNames,
  migrateWhenBehind,
  pendingModelChanges,
} from '../../src/db/migrations.js';
import { openSchemaEngine } from '../../src/db/schema-engine.js';
import type { DatabaseTarget } from '../../src/db/target.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../support/database.js';
import { startTestServer } from '../support/server.js';

const prismaDir = path.resolve(import.meta.dirname, '../../prisma');
const providers = ['sqlite', 'postgresql'] as const;

let db: TestDatabase;
let client: Db;
let firstRun: string[];

beforeAll(async () => {
  db = createTestDatabase();
  firstRun = await applyMigrations(db.target);
  client = createDb(db.target);
});

afterAll(async () => {
  await client.$disconnect();
  await db.drop();
});

/** The SQL that would take the live database to the provider's model. */
async function databaseDrift(target: DatabaseTarget): Promise<string> {
  const file = path.join(prismaDir, target.provider, 'schema.prisma');
  const model = { path: file, content: await readFile(file, 'utf8') };
  const session = await openSchemaEngine(createAdapterFactory(target), model);
  try {
    const out = await session.engine.diff({
      from: { tag: 'schemaDatasource', files: [model], configDir: prismaDir },
      to: { tag: 'schemaDatamodel', files: [model] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.stdout ?? '';
  } finally {
    await session.close();
  }
}

describe('applying migrations', () => {
  it('applies every committed migration to a fresh database, oldest first', async () => {
    const committed = await committedMigrationNames(db.target.provider);

    expect(committed.length).toBeGreaterThan(0);
    expect(firstRun).toEqual(committed);
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(db.target)).toEqual([]);
  });

  it('records every committed migration as finished in _prisma_migrations', async () => {
    const rows = await client.$queryRawUnsafe<{ name: string; finished: number | bigint }[]>(
      `SELECT migration_name AS name,
              CASE WHEN finished_at IS NULL OR rolled_back_at IS NOT NULL THEN 0 ELSE 1 END
                AS finished
         FROM _prisma_migrations`,
    );

    const finished = rows.filter((row) => Number(row.finished) === 1).map((row) => row.name);
    expect(finished.sort()).toEqual(await committedMigrationNames(db.target.provider));
    expect(rows).toHaveLength(finished.length);
  });
});

describe('the model and the migrations', () => {
  it.each(providers)('generates the %s schema from prisma/models.prisma', async (provider) => {
    const models = await readFile(path.join(prismaDir, 'models.prisma'), 'utf8');
    const schema = await readFile(path.join(prismaDir, provider, 'schema.prisma'), 'utf8');

    expect(schema.endsWith(models)).toBe(true);
  });

  it.each(providers)('keeps the %s model in step with its last migration', async (provider) => {
    const pending = await pendingModelChanges(provider);

    expect(pending).toBe('');
  });

  it('names the same migrations for SQLite and PostgreSQL', async () => {
    const [sqlite, postgresql] = await Promise.all(providers.map(committedMigrationNames));

    expect(postgresql).toEqual(sqlite);
  });

  // The engine cannot introspect PostgreSQL through the pg adapter ("Column type 'char' could
  // not be deserialized"), so the live comparison runs on SQLite only.
  it.runIf(testProvider === 'sqlite')(
    'leaves the migrated database matching the model',
    async () => {
      const drift = await databaseDrift(db.target);

      expect(drift).not.toMatch(/\b(CREATE|ALTER|DROP)\b/i);
    },
  );
});

describe('a second instance on a database already in use', () => {
  it('starts beside a serving first instance without running the schema engine', async () => {
    const first = await startTestServer();
    const { apiKey } = await first.createReseller();
    expect((await first.rest('GET', '/account', { key: apiKey })).status).toBe(200);

    const second = await startTestServer({ database: first.database });
    const answered = await second.rest('GET', '/account', { key: apiKey });
    await second.close();
    await first.close();

    expect(answered.status).toBe(200);
  });

  it('finds nothing to apply on a database that is up to date', async () => {
    expect(await migrateWhenBehind(db.target)).toStrictEqual([]);
  });
});
