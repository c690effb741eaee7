/** The admin command, run as a child process against the database a real server uses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPrefix } from '../../src/auth/api-keys.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createApiKey } from '../../src/domain/account/service.js';
import { runCli, type CliResult } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

const keyPattern = /^htir_[0-9A-Za-z]{32}$/;

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = createTestDatabase();
  server = await startTestServer({ database: db });
});

afterAll(async () => {
  await server.close();
  await db.drop();
});

function admin(...args: string[]): Promise<CliResult> {
  return runCli(args, { DATABASE_URL: db.url });
}

async function statusWith(key: string): Promise<number> {
  return (await server.rest('GET', '/account', { key })).status;
}

function issuedKey(result: CliResult): { reseller_id: string; api_key: string } {
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as { reseller_id: string; api_key: string };
}

describe('reseller create', () => {
  it('prints exactly one JSON object with the reseller id and its key under --json', async () => {
    const result = await admin('reseller', 'create', '--name', 'Acme', '--json');

    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const issued = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(issued).sort()).toEqual(['api_key', 'reseller_id']);
    expect(issued.reseller_id).toMatch(/^res_[0-9A-Za-z]+$/);
    expect(issued.api_key).toMatch(keyPattern);
  });

  it('issues a key the server accepts for the new reseller', async () => {
    const issued = issuedKey(await admin('reseller', 'create', '--name', 'Acme', '--json'));

    const account = await server.rest('GET', '/account', { key: issued.api_key });

    expect(account.status).toBe(200);
    expect(account.json).toMatchObject({ id: issued.reseller_id, name: 'Acme', status: 'active' });
  });

  it('prints the key on a human-readable line without --json', async () => {
    const result = await admin('reseller', 'create', '--name', 'Beta Agency');

    expect(result.code).toBe(0);
    const keyLine = result.stdout.split('\n').find((line) => /htir_[0-9A-Za-z]{32}/.test(line));
    expect(keyLine).toMatch(/^API key .*: htir_[0-9A-Za-z]{32}$/);
    expect(() => JSON.parse(result.stdout) as unknown).toThrow();
  });

  it('exits 2 with the usage on stderr when --name is missing', async () => {
    const result = await admin('reseller', 'create');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--name is required');
    expect(result.stderr).toContain('usage: admin <command>');
  });
});

describe('reseller list', () => {
  it('lists a reseller with its status and the prefix of its active key', async () => {
    const reseller = await server.createReseller('Listed Agency');

    const result = await admin('reseller', 'list', '--json');

    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { reseller_id: string }[];
    expect(rows.find((row) => row.reseller_id === reseller.resellerId)).toEqual({
      reseller_id: reseller.resellerId,
      name: 'Listed Agency',
      status: 'active',
      created_at: expect.any(Number) as number,
      active_keys: [displayPrefix(reseller.apiKey)],
    });
  });
});

describe('every command', () => {
  // The schema engine leaves a 10 s timer behind on PostgreSQL; the command must not wait for it.
  it('exits as soon as its work is done', async () => {
    const started = Date.now();

    const result = await admin('reseller', 'list');

    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

describe('reseller suspend and activate', () => {
  it('makes the server refuse the keys with 403, then accept them again', async () => {
    const reseller = await server.createReseller();

    const suspended = await admin('reseller', 'suspend', reseller.resellerId);
    expect(suspended.code).toBe(0);
    expect(await statusWith(reseller.apiKey)).toBe(403);

    const activated = await admin('reseller', 'activate', reseller.resellerId);
    expect(activated.code).toBe(0);
    expect(await statusWith(reseller.apiKey)).toBe(200);
  });

  it('exits 3 naming the reseller when the id is unknown', async () => {
    const result = await admin('reseller', 'suspend', 'res_doesNotExist');

    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('reseller res_doesNotExist not found');
  });
});

describe('key create', () => {
  it('issues a second working key while the first keeps working', async () => {
    const reseller = await server.createReseller();

    const second = issuedKey(await admin('key', 'create', reseller.resellerId, '--json'));

    expect(second).toEqual({
      reseller_id: reseller.resellerId,
      api_key: expect.any(String) as string,
    });
    expect(second.api_key).toMatch(keyPattern);
    expect(second.api_key).not.toBe(reseller.apiKey);
    expect(await statusWith(second.api_key)).toBe(200);
    expect(await statusWith(reseller.apiKey)).toBe(200);
  });
});

describe('key rotate', () => {
  it('issues a new key and makes every older key answer 401 at once', async () => {
    const reseller = await server.createReseller();
    const extra = await createApiKey(server.app.db, reseller.resellerId);
    const older = [reseller.apiKey, extra.apiKey];
    for (const key of older) expect(await statusWith(key)).toBe(200);

    const rotated = issuedKey(await admin('key', 'rotate', reseller.resellerId, '--json'));

    expect(rotated.api_key).toMatch(keyPattern);
    expect(await statusWith(rotated.api_key)).toBe(200);
    for (const key of older) expect(await statusWith(key)).toBe(401);
  });
});

describe('key revoke', () => {
  it('makes the server refuse the key named by its prefix', async () => {
    const reseller = await server.createReseller();
    const prefix = reseller.apiKey.slice(0, 13);

    const result = await admin('key', 'revoke', prefix);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(prefix);
    expect(result.stdout).not.toContain(reseller.apiKey);
    expect(await statusWith(reseller.apiKey)).toBe(401);
  });

  it('revokes a key given whole, without echoing it', async () => {
    const reseller = await server.createReseller();

    const result = await admin('key', 'revoke', reseller.apiKey);

    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(reseller.apiKey);
    expect(await statusWith(reseller.apiKey)).toBe(401);
  });
});

describe('unknown commands', () => {
  it('exits 2 with the usage on stderr', async () => {
    const result = await admin('reseller', 'delete', 'res_x');

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^usage: admin <command>\n/);
  });
});

describe('db migrate', () => {
  it('exits 0 having brought an empty database up to date', async () => {
    const empty = createTestDatabase();
    try {
      const result = await runCli(['db', 'migrate'], { DATABASE_URL: empty.url });

      expect(result.code).toBe(0);
      expect(await applyMigrations(empty.target)).toEqual([]);
    } finally {
      await empty.drop();
    }
  });
});
