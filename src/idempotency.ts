/**
 * Idempotency keys for mutations: a retry with the same key and request answers the first
 * result and changes nothing; the same key with another request is a conflict. Keys live 24 h.
 * The record is claimed before the work runs, so two concurrent retries cannot both run it.
 */
import { createHash } from 'node:crypto';
import type { Clock } from './clock.js';
import type { Db } from './db/client.js';
import { ConflictError, ValidationError } from './errors.js';
import { newId } from './ids.js';

export const idempotencyTtlMs = 24 * 60 * 60 * 1000;
const sane = /^[\x21-\x7e]{1,255}$/;
export const saneKeyRule = 'must be 1 to 255 printable ASCII characters';
export const isSaneIdempotencyKey = (key: string) => sane.test(key);

export interface IdempotentCall<T> {
  db: Db;
  clock: Clock;
  resellerId: string;
  key: string | null | undefined;
  operation: string;
  /** What makes two requests "the same": hashed, never stored. */
  request: unknown;
  run: () => Promise<T>;
  /**
   * What a replay answers, given the first result as stored; by default that result itself.
   * Results that name a live object re-read it, so a replay never answers stale state.
   */
  revive?: (first: T) => Promise<T>;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(
      entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

function hashRequest(operation: string, request: unknown): string {
  return createHash('sha256')
    .update(operation)
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
}

function deserialize(json: string): unknown {
  return JSON.parse(json, (_key, v: unknown) =>
    v && typeof v === 'object' && '$date' in v ? new Date((v as { $date: string }).$date) : v,
  ) as unknown;
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === 'P2002';

export async function idempotent<T>(call: IdempotentCall<T>): Promise<T> {
  const { db, resellerId, key, operation } = call;
  if (key === null || key === undefined) return call.run();
  if (!sane.test(key)) {
    throw new ValidationError('idempotencyKey', saneKeyRule);
  }
  const now = call.clock.now();
  const requestHash = hashRequest(operation, call.request);
  await db.idempotencyRecord.deleteMany({ where: { resellerId, expiresAt: { lte: now } } });

  const id = newId('IdempotencyRecord');
  try {
    await db.idempotencyRecord.create({
      data: {
        id,
        resellerId,
        key,
        operation,
        requestHash,
        state: 'pending',
        createdAt: now,
        expiresAt: new Date(now.getTime() + idempotencyTtlMs),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = (await replay(db, resellerId, key, operation, requestHash)) as T;
    return call.revive ? call.revive(first) : first;
  }

  let result: T;
  try {
    result = await call.run();
  } catch (error) {
    await db.idempotencyRecord.delete({ where: { id } });
    throw error;
  }
  await db.idempotencyRecord.update({
    where: { id },
    data: { state: 'done', result: serialize(result) },
  });
  return result;
}

async function replay(
  db: Db,
  resellerId: string,
  key: string,
  operation: string,
  requestHash: string,
): Promise<unknown> {
  const first = await db.idempotencyRecord.findUnique({
    where: { resellerId_key: { resellerId, key } },
  });
  if (!first || first.operation !== operation || first.requestHash !== requestHash) {
    throw new ConflictError('Idempotency-Key was already used with a different request');
  }
  if (first.state !== 'done' || first.result === null) {
    throw new ConflictError('A request with this Idempotency-Key is still in progress');
  }
  return deserialize(first.result);
}
