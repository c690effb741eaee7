/** Reseller API keys: `htir_` + 32 base62 characters, stored only as a SHA-256 hash. */
import { createHash } from 'node:crypto';
import { randomBase62 } from '../ids.js';

const keyPattern = /^htir_[0-9A-Za-z]{32}$/;
const prefixLength = 'htir_'.length + 8;

export interface NewApiKey {
  /** The whole key: shown once, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): NewApiKey {
  const key = `htir_${randomBase62(32)}`;
  return { key, prefix: displayPrefix(key), hash: hashApiKey(key) };
}

export function isWellFormedApiKey(value: string): boolean {
  return keyPattern.test(value);
}

/** The first characters of a key: enough to name it in a list, useless to call with. */
export function displayPrefix(key: string): string {
  return key.slice(0, prefixLength);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
