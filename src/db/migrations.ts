/**
 * Applies and creates migrations through the WASM schema engine. Each provider keeps its own
 * history under prisma/<provider>/migrations, recorded in the standard `_prisma_migrations`
 * table, so `prisma migrate deploy` stays compatible where the native engine is available.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { createAdapterFactory } from './adapter.js';
import { createDb } from './client.js';
import { checkReadiness } from './readiness.js';
import { openSchemaEngine } from './schema-engine.js';
import type { DatabaseTarget, Provider } from './target.js';

const prismaDir = fileURLToPath(new URL('../../prisma/', import.meta.url));
const noFilters = { externalTables: [], externalEnums: [] };

export function migrationsDir(provider: Provider): string {
  return path.join(prismaDir, provider, 'migrations');
}

async function readDatamodel(provider: Provider) {
  const file = path.join(prismaDir, provider, 'schema.prisma');
  return { path: file, content: await readFile(file, 'utf8') };
}

/** The committed migration names for a provider, oldest first. */
export async function committedMigrationNames(provider: Provider): Promise<string[]> {
  const dir = migrationsDir(provider);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function lockfile(provider: Provider): string {
  return `# Each provider keeps its own migration history.\nprovider = "${provider}"\n`;
}

async function readMigrationList(provider: Provider): Promise<MigrationList> {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const names = await committedMigrationNames(provider);
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: await readFile(path.join(baseDir, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  );
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : lockfile(provider);
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    migrationDirectories,
    shadowDbInitScript: '',
  };
}

async function withEngine<T>(
  target: DatabaseTarget,
  run: (engine: Awaited<ReturnType<typeof openSchemaEngine>>['engine']) => Promise<T>,
): Promise<T> {
  if (target.provider === 'sqlite' && target.file !== ':memory:') {
    mkdirSync(path.dirname(target.file), { recursive: true });
  }
  const session = await openSchemaEngine(
    createAdapterFactory(target),
    await readDatamodel(target.provider),
  );
  try {
    return await run(session.engine);
  } finally {
    await session.close();
  }
}

async function ensurePostgresSchema(target: Extract<DatabaseTarget, { provider: 'postgresql' }>) {
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
  } finally {
    await client.end();
  }
}

/**
 * Runs the schema engine only when the history is behind: it locks a SQLite file exclusively,
 * which would time out against a server that already has the same file open.
 */
export async function migrateWhenBehind(target: DatabaseTarget): Promise<string[]> {
  const probe = createDb(target);
  const readiness = await checkReadiness(probe, await committedMigrationNames(target.provider));
  await probe.$disconnect();
  return readiness.ready ? [] : applyMigrations(target);
}

/** Brings the database up to the committed history; answers the names it applied. */
export async function applyMigrations(target: DatabaseTarget): Promise<string[]> {
  const migrationsList = await readMigrationList(target.provider);
  if (target.provider === 'postgresql') await ensurePostgresSchema(target);
  return withEngine(target, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes the model as of the last migration (kept beside that migration as
 * schema.prisma) to the current model, or '' when the model has not changed. Diffing two models
 * needs no database, so this works offline and without a PostgreSQL server.
 */
export async function pendingModelChanges(provider: Provider): Promise<string> {
  const current = await readDatamodel(provider);
  const names = await committedMigrationNames(provider);
  const last = names.at(-1);
  const previousFile = last && path.join(migrationsDir(provider), last, 'schema.prisma');
  const from =
    previousFile && existsSync(previousFile)
      ? {
          tag: 'schemaDatamodel' as const,
          files: [{ path: previousFile, content: await readFile(previousFile, 'utf8') }],
        }
      : { tag: 'empty' as const };

  const scratch = createAdapterFactory({
    provider: 'sqlite',
    url: 'file::memory:',
    file: ':memory:',
  });
  const session = await openSchemaEngine(scratch, current);
  let script: string;
  try {
    const out = await session.engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [current] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    script = out.stdout ?? '';
  } finally {
    await session.close();
  }
  return /\b(CREATE|ALTER|DROP)\b/i.test(script) ? script : '';
}

/** Writes the next migration for a provider; answers the new folder, or null when unchanged. */
export async function createMigration(
  provider: Provider,
  name: string,
  now = new Date(),
): Promise<string | null> {
  const script = await pendingModelChanges(provider);
  if (script === '') return null;

  const current = await readDatamodel(provider);
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir(provider), `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), script);
  await writeFile(path.join(dir, 'schema.prisma'), current.content);
  await writeFile(path.join(migrationsDir(provider), 'migration_lock.toml'), lockfile(provider));
  return dir;
}
