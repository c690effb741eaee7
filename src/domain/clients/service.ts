/** Clients: create, read, configure, pause, resume and delete, always within one reseller. */
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { newId, typeOfId } from '../../ids.js';
import { defaultBusinessHours } from './business-hours.js';
import { parseConfig, type ConfigData, type ConfigInput } from './config-fields.js';
import { emailAddress, text } from './values.js';

export type ClientStatus = 'agency' | 'active' | 'paused' | 'disabled';
export const clientStatuses: readonly ClientStatus[] = ['agency', 'active', 'paused', 'disabled'];

export interface ClientInput extends ConfigInput {
  name?: unknown;
  email?: unknown;
}

export interface Scope {
  db: Db;
  clock: Clock;
  resellerId: string;
}

/** Another reseller's client is indistinguishable from a missing one. */
export async function findClient(scope: Scope, id: string) {
  const client =
    typeOfId(id) === 'Client'
      ? await scope.db.client.findFirst({ where: { id, resellerId: scope.resellerId } })
      : null;
  if (!client) throw new NotFoundError(`Client ${id}`);
  return client;
}

async function findLiveClient(scope: Scope, id: string) {
  const client = await findClient(scope, id);
  if (client.status === 'disabled') throw new ConflictError(`Client ${id} is disabled`);
  return client;
}

/** On create a coupled feature without what it needs simply stays off, as the contract says. */
function switchOffIncomplete(data: ConfigData): ConfigData {
  return {
    ...data,
    transferEnabled: data.transferEnabled === true && Boolean(data.transferNumber),
    quotePrices: data.quotePrices === true && Boolean(data.pricingNotes),
  };
}

export async function createClient(scope: Scope, input: ClientInput) {
  if (input.name === undefined || input.name === null)
    throw new ValidationError('name', 'is required');
  const name = text('name', input.name, 200);
  const email = input.email === undefined ? null : emailAddress('email', input.email);
  const config = switchOffIncomplete(parseConfig(input));
  const now = scope.clock.now();
  return scope.db.client.create({
    data: {
      id: newId('Client'),
      resellerId: scope.resellerId,
      name,
      email,
      businessHours: JSON.stringify(defaultBusinessHours),
      notifyEmail: email,
      ...config,
      periodStart: now,
      createdAt: now,
    } as Parameters<Db['client']['create']>[0]['data'],
  });
}

/** On update a coupled feature left without what it needs is refused, naming the cause. */
function checkCoupling(before: ConfigData, patch: ConfigData): void {
  const after = { ...before, ...patch };
  const rules = [
    ['transferEnabled', 'transferNumber'],
    ['quotePrices', 'pricingNotes'],
  ] as const;
  for (const [feature, needs] of rules) {
    if (after[feature] !== true || after[needs]) continue;
    if (needs in patch && patch[needs] === null && !(feature in patch)) {
      throw new ValidationError(needs, `cannot be cleared while ${feature} is true`);
    }
    throw new ValidationError(feature, `needs ${needs}`);
  }
}

/** Matches a client only while it is not deleted, so a racing delete is never undone. */
const notDisabled = { not: 'disabled' } as const;

const updateAttempts = 3;

/**
 * The coupled rules are checked against the row as read, and the write only lands while the
 * coupled fields are still as read; a patch racing another re-reads and checks again.
 */
export async function updateClient(scope: Scope, id: string, input: ClientInput) {
  const patch: Record<string, unknown> = parseConfig(input);
  if (input.name === null) throw new ValidationError('name', 'must not be null');
  if (input.name !== undefined) patch.name = text('name', input.name, 200);
  if (input.email !== undefined) patch.email = emailAddress('email', input.email);

  for (let attempt = 0; attempt < updateAttempts; attempt++) {
    const client = await findLiveClient(scope, id);
    checkCoupling(client, patch);
    if (Object.keys(patch).length === 0) return client;
    const { transferEnabled, transferNumber, quotePrices, pricingNotes } = client;
    const written = await scope.db.client.updateMany({
      where: {
        id: client.id,
        status: notDisabled,
        transferEnabled,
        transferNumber,
        quotePrices,
        pricingNotes,
      },
      data: patch,
    });
    if (written.count > 0) return scope.db.client.findUniqueOrThrow({ where: { id: client.id } });
  }
  throw new ConflictError(`Client ${id} kept changing during the update; retry it`);
}

/**
 * Lifecycle writes are conditional in SQL rather than decided on a row read earlier: a change
 * racing another (a pause against a plan change, a delete against a resume) loses nothing.
 */
async function writeLifecycle(scope: Scope, id: string, writes: (live: LiveWhere) => Write[]) {
  const results = await scope.db.$transaction(writes({ id, status: notDisabled }));
  if (results.every((result) => result.count === 0)) {
    throw new ConflictError(`Client ${id} is disabled`);
  }
  return scope.db.client.findUniqueOrThrow({ where: { id } });
}

type LiveWhere = { id: string; status: typeof notDisabled };
type Write = ReturnType<Db['client']['updateMany']>;

export async function pauseClient(scope: Scope, id: string) {
  const client = await findLiveClient(scope, id);
  return writeLifecycle(scope, client.id, (live) => [
    scope.db.client.updateMany({ where: live, data: { status: 'paused' } }),
  ]);
}

export async function resumeClient(scope: Scope, id: string) {
  const client = await findLiveClient(scope, id);
  return writeLifecycle(scope, client.id, (live) => [
    scope.db.client.updateMany({
      where: { ...live, planTier: 'agency' },
      data: { status: 'agency' },
    }),
    scope.db.client.updateMany({
      where: { ...live, planTier: { not: 'agency' } },
      data: { status: 'active' },
    }),
  ]);
}

/**
 * Soft-deletes: the client becomes `disabled` and its history stays readable. Releasing its
 * number from the reseller's Twilio account is the numbers domain's part.
 */
export async function deleteClient(scope: Scope, id: string) {
  const client = await findLiveClient(scope, id);
  // TODO(#numbers): release the number from the reseller's Twilio account when numbers land.
  const numberReleased = false;
  const updated = await writeLifecycle(scope, client.id, (live) => [
    scope.db.client.updateMany({
      where: live,
      data: { status: 'disabled', deletedAt: scope.clock.now() },
    }),
  ]);
  return { client: updated, numberReleased };
}

export async function countClientsByStatus(db: Db, resellerId: string) {
  const rows = await db.client.groupBy({
    by: ['status'],
    where: { resellerId },
    _count: { _all: true },
  });
  const counts: Record<ClientStatus, number> = { agency: 0, active: 0, paused: 0, disabled: 0 };
  for (const row of rows) {
    if (row.status in counts) counts[row.status as ClientStatus] = row._count._all;
  }
  return counts;
}
