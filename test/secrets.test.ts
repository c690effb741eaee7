/** The secrets key: SECRETS_KEY when set, otherwise one generated once into the data folder. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { resolveSecretsKey } from '../src/secrets.js';

let tempDir: string;
let dataDir: string;
let logLines: { level: number; msg: string; file?: string }[];

const log = () =>
  pino(
    { level: 'info' },
    { write: (line: string) => void logLines.push(JSON.parse(line) as (typeof logLines)[0]) },
  );

const developmentConfig = () => loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });

beforeEach(() => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'hithisis-secrets-'));
  dataDir = path.join(tempDir, 'data');
  logLines = [];
});

afterEach(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

describe('without SECRETS_KEY in development', () => {
  it('writes a 32-byte key to <DATA_DIR>/secrets.key readable only by its owner', () => {
    const key = resolveSecretsKey(developmentConfig(), log());

    const file = path.join(dataDir, 'secrets.key');
    expect(key).toHaveLength(32);
    expect(readFileSync(file, 'utf8')).toBe(`${key.toString('base64')}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('warns once, naming the file but not the key', () => {
    const key = resolveSecretsKey(developmentConfig(), log());

    expect(logLines).toEqual([
      expect.objectContaining({ level: 40, file: path.join(dataDir, 'secrets.key') }),
    ]);
    expect(JSON.stringify(logLines)).not.toContain(key.toString('base64'));
  });

  it('answers the same key on the next start without warning again', () => {
    const first = resolveSecretsKey(developmentConfig(), log());
    logLines = [];

    const second = resolveSecretsKey(developmentConfig(), log());

    expect(second.equals(first)).toBe(true);
    expect(logLines).toEqual([]);
  });

  it('refuses a secrets.key that does not hold 32 bytes', () => {
    resolveSecretsKey(developmentConfig(), log());
    writeFileSync(path.join(dataDir, 'secrets.key'), randomBytes(16).toString('base64'));

    expect(() => resolveSecretsKey(developmentConfig(), log())).toThrow(
      /secrets\.key does not hold a 32-byte base64 key/,
    );
  });
});

describe('with SECRETS_KEY set', () => {
  it('answers that key and writes nothing', () => {
    const key = randomBytes(32);
    const config = loadConfig({ SECRETS_KEY: key.toString('base64'), DATA_DIR: dataDir });

    const resolved = resolveSecretsKey(config, log());

    expect(resolved.equals(key)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
    expect(logLines).toEqual([]);
  });
});
