/** The key that encrypts secrets at rest (Twilio auth tokens, webhook secrets). */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';

/**
 * SECRETS_KEY when set; otherwise (development only, enforced by config) a key generated once
 * into the data folder with mode 0600, so restarts can still read what was encrypted.
 */
export function resolveSecretsKey(config: Config, log: Logger): Buffer {
  if (config.secretsKey) return config.secretsKey;
  const file = path.resolve(config.dataDir, 'secrets.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
    throw new Error(`${file} does not hold a 32-byte base64 key`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  log.warn(
    { file },
    'SECRETS_KEY is not set: generated one into the data folder (development only)',
  );
  return key;
}
