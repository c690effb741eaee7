/** Turns an Authorization header into the calling reseller, or the 401/403 that refuses it. */
import type { Db } from '../db/client.js';
import { ApiError } from '../errors.js';
import { hashApiKey, isWellFormedApiKey } from './api-keys.js';

export interface Caller {
  resellerId: string;
  resellerName: string;
  apiKeyId: string;
  apiKeyPrefix: string;
}

const unauthenticated = (message: string) =>
  new ApiError('UNAUTHENTICATED', message, { headers: { 'WWW-Authenticate': 'Bearer' } });

export function bearerToken(header: string | undefined): string {
  if (!header) throw unauthenticated('Missing API key: send Authorization: Bearer htir_…');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Malformed Authorization header: expected Bearer <key>');
  return match[1];
}

export async function authenticate(db: Db, header: string | undefined): Promise<Caller> {
  const token = bearerToken(header);
  if (!isWellFormedApiKey(token)) throw unauthenticated('Invalid API key');

  const key = await db.apiKey.findUnique({
    where: { hash: hashApiKey(token) },
    include: { reseller: { select: { id: true, name: true, status: true } } },
  });
  if (!key || key.revokedAt) throw unauthenticated('Invalid API key');
  if (key.reseller.status !== 'active') {
    throw new ApiError('FORBIDDEN', 'Reseller account is not active');
  }
  return {
    resellerId: key.reseller.id,
    resellerName: key.reseller.name,
    apiKeyId: key.id,
    apiKeyPrefix: key.prefix,
  };
}
