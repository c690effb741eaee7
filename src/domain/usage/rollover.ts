/**
 * Reading the ledger for current periods, and moving clients whose period has ended into the
 * period containing now, with one rollover entry per period passed (several when months were
 * skipped). Batched: a page of clients costs the same few queries however many are due.
 */
import type { Db } from '../../db/client.js';
import { newId } from '../../ids.js';
import { carriedOver, emptyTotals, isMetered, type PeriodTotals } from './ledger.js';
import { nextPeriod, periodContaining } from './periods.js';
import type { MeteredClient } from './service.js';

/** Each client's totals for its current period, in one query whatever the number of clients. */
export async function loadPeriodTotals(
  db: Db,
  clients: readonly Pick<MeteredClient, 'id' | 'periodStart'>[],
): Promise<Map<string, PeriodTotals>> {
  const totals = new Map(clients.map((c) => [c.id, emptyTotals()]));
  if (clients.length === 0) return totals;
  const earliest = new Date(Math.min(...clients.map((c) => c.periodStart.getTime())));
  const rows = await db.usageEntry.groupBy({
    by: ['clientId', 'periodStart', 'kind'],
    where: { clientId: { in: clients.map((c) => c.id) }, periodStart: { gte: earliest } },
    _sum: { minutes: true },
  });
  const current = new Map(clients.map((c) => [c.id, c.periodStart.getTime()]));
  for (const row of rows) {
    const entry = totals.get(row.clientId);
    if (!entry || current.get(row.clientId) !== row.periodStart.getTime()) continue;
    if (row.kind === 'rollover' || row.kind === 'grant' || row.kind === 'call') {
      entry[row.kind] += row._sum.minutes ?? 0;
    }
  }
  return totals;
}

interface Rollover {
  client: MeteredClient;
  start: Date;
  entries: { periodStart: Date; minutes: number }[];
}

function planRollover(client: MeteredClient, ended: PeriodTotals, now: Date): Rollover {
  let totals = ended;
  let start = client.periodStart;
  const entries: Rollover['entries'] = [];
  for (
    let next = nextPeriod(client.createdAt, start);
    next.start <= now;
    next = nextPeriod(client.createdAt, start)
  ) {
    const minutes = carriedOver(isMetered(client), client.includedMinutes, totals);
    entries.push({ periodStart: next.start, minutes });
    totals = { ...emptyTotals(), rollover: minutes };
    start = next.start;
  }
  return { client, start, entries };
}

/**
 * Safe to race: a client's entries are written only by the caller that moves its
 * `periodStart` from the value it read; a loser computes the same period and writes nothing.
 */
export async function rollForwardMany<T extends MeteredClient>(
  db: Db,
  clients: readonly T[],
  now: Date,
): Promise<T[]> {
  const due = clients.filter((c) => now >= periodContaining(c.createdAt, c.periodStart).end);
  if (due.length === 0) return [...clients];

  const totals = await loadPeriodTotals(db, due);
  const rollovers = due.map((c) => planRollover(c, totals.get(c.id) ?? emptyTotals(), now));
  await db.$transaction(async (tx) => {
    const moved: Rollover[] = [];
    for (const rollover of rollovers) {
      // The plan is part of the guard: a row read before a plan change must not roll over.
      const { id, periodStart, planTier, includedMinutes } = rollover.client;
      const result = await tx.client.updateMany({
        where: { id, periodStart, planTier, includedMinutes },
        data: { periodStart: rollover.start },
      });
      if (result.count > 0) moved.push(rollover);
    }
    await tx.usageEntry.createMany({
      data: moved.flatMap(({ client, entries }) =>
        entries.map((e) => ({
          id: newId('UsageEntry'),
          clientId: client.id,
          kind: 'rollover',
          minutes: e.minutes,
          periodStart: e.periodStart,
          createdAt: now,
        })),
      ),
    });
  });

  const starts = new Map(rollovers.map((r) => [r.client.id, r.start]));
  return clients.map((c) => ({ ...c, periodStart: starts.get(c.id) ?? c.periodStart }));
}

export async function rollForward<T extends MeteredClient>(db: Db, client: T, now: Date) {
  const [rolled] = await rollForwardMany(db, [client], now);
  return rolled ?? client;
}
