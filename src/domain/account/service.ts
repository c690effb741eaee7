/** Reseller accounts and their API keys: create, suspend, activate, issue, rotate, revoke. */
import { displayPrefix, generateApiKey, isWellFormedApiKey } from '../../auth/api-keys.js';
import type { Db } from '../../db/client.js';
import { ApiError, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Clock } from '../../clock.js';

export type ResellerStatus = 'active' | 'suspended';

export interface IssuedKey {
  resellerId: string;
  apiKey: string;
  prefix: string;
}

export async function createReseller(db: Db, name: string): Promise<IssuedKey> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) {
    throw new ApiError('VALIDATION_FAILED', 'name: must be 1 to 200 characters', { field: 'name' });
  }
  const id = newId('Reseller');
  const key = generateApiKey();
  await db.reseller.create({
    data: {
      id,
      name: trimmed,
      apiKeys: { create: { id: newId('ApiKey'), prefix: key.prefix, hash: key.hash } },
    },
  });
  return { resellerId: id, apiKey: key.key, prefix: key.prefix };
}

async function requireReseller(db: Db, resellerId: string) {
  const reseller = await db.reseller.findUnique({ where: { id: resellerId } });
  if (!reseller) throw notFound(`reseller ${resellerId}`);
  return reseller;
}

export async function setResellerStatus(db: Db, resellerId: string, status: ResellerStatus) {
  await requireReseller(db, resellerId);
  return db.reseller.update({ where: { id: resellerId }, data: { status } });
}

/** Issues one more key; the reseller's other keys keep working. */
export async function createApiKey(db: Db, resellerId: string): Promise<IssuedKey> {
  await requireReseller(db, resellerId);
  const key = generateApiKey();
  await db.apiKey.create({
    data: { id: newId('ApiKey'), resellerId, prefix: key.prefix, hash: key.hash },
  });
  return { resellerId, apiKey: key.key, prefix: key.prefix };
}

/** Issues a new key and revokes every other key of the reseller in the same transaction. */
export async function rotateApiKey(db: Db, resellerId: string, clock: Clock): Promise<IssuedKey> {
  await requireReseller(db, resellerId);
  const key = generateApiKey();
  await db.$transaction([
    db.apiKey.updateMany({
      where: { resellerId, revokedAt: null },
      data: { revokedAt: clock.now() },
    }),
    db.apiKey.create({
      data: { id: newId('ApiKey'), resellerId, prefix: key.prefix, hash: key.hash },
    }),
  ]);
  return { resellerId, apiKey: key.key, prefix: key.prefix };
}

/** Revokes by the display prefix; a whole key is accepted too, and never echoed. */
export async function revokeApiKey(db: Db, prefixOrKey: string, clock: Clock) {
  const prefix = isWellFormedApiKey(prefixOrKey) ? displayPrefix(prefixOrKey) : prefixOrKey;
  const key = await db.apiKey.findUnique({ where: { prefix } });
  if (!key) throw notFound(`API key ${prefix}`);
  if (key.revokedAt) return key;
  return db.apiKey.update({ where: { prefix }, data: { revokedAt: clock.now() } });
}

export function listResellers(db: Db) {
  return db.reseller.findMany({
    orderBy: { createdAt: 'asc' },
    include: { apiKeys: { where: { revokedAt: null }, select: { prefix: true } } },
  });
}
