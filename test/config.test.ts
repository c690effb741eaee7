/** Reading the environment: defaults, decoded values, and a ConfigError naming each bad one. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const root = path.resolve(import.meta.dirname, '..');

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('loadConfig defaults', () => {
  const config = loadConfig({});

  it('listens on port 4000 on every interface', () => {
    expect(config.port).toBe(4000);
    expect(config.host).toBe('0.0.0.0');
  });

  it('keeps the data in a SQLite file under ./data', () => {
    expect(config.database).toEqual({
      provider: 'sqlite',
      url: 'file:./data/hithisis.db',
      file: path.resolve('data/hithisis.db'),
    });
    expect(config.dataDir).toBe('./data');
  });

  it('answers at http://localhost:4000', () => {
    expect(config.publicBaseUrl).toBe('http://localhost:4000');
  });

  it('allows 120 requests per minute and logs at info', () => {
    expect(config.rateLimitPerMinute).toBe(120);
    expect(config.graphqlMaxDepth).toBe(10);
    expect(config.graphqlMaxComplexity).toBe(20_000);
    expect(config.logLevel).toBe('info');
  });

  it('runs as development without Redis or a secrets key', () => {
    expect(config.env).toBe('development');
    expect(config.redisUrl).toBeUndefined();
    expect(config.secretsKey).toBeUndefined();
  });
});

describe('loadConfig values', () => {
  it('derives the public base URL from PORT', () => {
    expect(loadConfig({ PORT: '5050' }).publicBaseUrl).toBe('http://localhost:5050');
  });

  it('drops trailing slashes from PUBLIC_BASE_URL', () => {
    const config = loadConfig({ PUBLIC_BASE_URL: 'https://api.example.com/' });

    expect(config.publicBaseUrl).toBe('https://api.example.com');
  });

  it('treats a blank variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ port: 4000, logLevel: 'info' });
  });

  it('decodes a 32-byte base64 SECRETS_KEY', () => {
    const key = randomBytes(32);

    const config = loadConfig({ NODE_ENV: 'production', SECRETS_KEY: key.toString('base64') });

    expect(config.secretsKey?.equals(key)).toBe(true);
  });

  it('reads a PostgreSQL URL in the public schema by default', () => {
    const url = 'postgresql://app:pw@db.internal:5432/hithisis';

    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({
      provider: 'postgresql',
      url,
      connectionString: url,
      schema: 'public',
    });
  });

  it('reads the schema of a PostgreSQL URL and keeps it out of the connection string', () => {
    const url = 'postgres://app@db.internal/hithisis?schema=tenant_2&sslmode=require';

    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({
      provider: 'postgresql',
      url,
      connectionString: 'postgres://app@db.internal/hithisis?sslmode=require',
      schema: 'tenant_2',
    });
  });
});

describe('loadConfig refusals', () => {
  const bad: [string, string][] = [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', ' '],
    ['PORT', '-0'],
    ['PORT', '0x10'],
    ['PORT', '1e3'],
    ['RATE_LIMIT_PER_MINUTE', '1e3'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'file:'],
    ['DATABASE_URL', 'postgresql://h/db?schema=bad-name'],
    ['REDIS_URL', 'http://x'],
    ['PUBLIC_BASE_URL', 'notaurl'],
    ['SECRETS_KEY', randomBytes(16).toString('base64')],
    ['SECRETS_KEY', 'not base64 at all!'],
    ['LOG_LEVEL', 'loud'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['GRAPHQL_MAX_DEPTH', '1'],
    ['GRAPHQL_MAX_DEPTH', 'deep'],
    ['GRAPHQL_MAX_COMPLEXITY', '10'],
  ];

  it.each(bad)('refuses %s=%s with a message that starts with the variable', (name, value) => {
    const error = configError({ [name]: value });

    expect(error.message.startsWith(`${name}: `)).toBe(true);
  });

  it('requires SECRETS_KEY in production', () => {
    const error = configError({ NODE_ENV: 'production' });

    expect(error.message).toMatch(/^SECRETS_KEY: required in production/);
  });
});

describe('the server process', () => {
  function runServer(env: Record<string, string>) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        path.join(root, 'node_modules/.bin/tsx'),
        ['src/main.ts'],
        { cwd: root, env: { PATH: process.env.PATH, ...env }, timeout: 20_000 },
        (error, stdout, stderr) => {
          resolve({ code: error ? (error.code as number | null) : 0, stdout, stderr });
        },
      );
    });
  }

  it('exits 1 with one line on stderr naming PORT when PORT is not a number', async () => {
    const result = await runServer({ PORT: 'abc' });

    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bPORT: /);
  });

  it('exits 1 with one fatal log line when the database cannot be reached', async () => {
    const result = await runServer({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/test',
      SECRETS_KEY: randomBytes(32).toString('base64'),
    });

    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 60,
      msg: expect.stringMatching(/^could not start: /) as unknown,
    });
  });
});
