/** Type-prefixed opaque IDs: the same string is the REST id and the GraphQL global ID. */
import { randomInt } from 'node:crypto';

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const idPrefixes = {
  Reseller: 'res',
  ApiKey: 'key',
  Client: 'cust',
  UsageEntry: 'use',
  IdempotencyRecord: 'idem',
} as const;

export type IdentifiedType = keyof typeof idPrefixes;

/** Random base62 text from a cryptographic source, without modulo bias. */
export function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += base62.charAt(randomInt(base62.length));
  return out;
}

export function newId(type: IdentifiedType): string {
  return `${idPrefixes[type]}_${randomBase62(20)}`;
}

/** The type an ID names by its prefix, or undefined when it is not one of ours. */
export function typeOfId(id: string): IdentifiedType | undefined {
  const prefix = id.split('_', 1)[0];
  const entry = Object.entries(idPrefixes).find(([, p]) => p === prefix);
  return entry && /^[a-z]+_[0-9A-Za-z]{1,64}$/.test(id) ? (entry[0] as IdentifiedType) : undefined;
}
