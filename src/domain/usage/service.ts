/** Usage: summaries, plan changes, minute grants and call charges. */
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import { findPlan } from '../meta/reference-data.js';
import { isMetered } from './ledger.js';
import { usageNumbers, type PeriodTotals, type UsageNumbers } from './ledger.js';
import { periodContaining } from './periods.js';
import { rollForward } from './rollover.js';

/** The client columns usage needs. */
export interface MeteredClient {
  id: string;
  status: string;
  planTier: string;
  includedMinutes: number;
  minutePolicy: string;
  spendCapCents: number;
  periodStart: Date;
  createdAt: Date;
}

export interface UsageSummary extends UsageNumbers {
  periodStart: Date;
  resetAt: Date;
  policy: string;
  spendCapCents: number;
}

export function summarize(client: MeteredClient, totals: PeriodTotals): UsageSummary {
  const period = periodContaining(client.createdAt, client.periodStart);
  return {
    ...usageNumbers(isMetered(client), client.includedMinutes, totals),
    periodStart: period.start,
    resetAt: period.end,
    policy: client.minutePolicy,
    spendCapCents: client.spendCapCents,
  };
}

export type PlanChoice = { tier: string } | { minutesIncluded: number };

function resolvePlan(choice: PlanChoice): { planTier: string; includedMinutes: number } {
  if ('minutesIncluded' in choice) {
    const minutes = choice.minutesIncluded;
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1_000_000) {
      throw new ValidationError('minutesIncluded', 'must be an integer from 0 to 1000000');
    }
    return { planTier: 'custom', includedMinutes: minutes };
  }
  if (choice.tier === 'agency') return { planTier: 'agency', includedMinutes: 0 };
  const plan = findPlan(choice.tier);
  if (!plan) {
    throw new ValidationError('tier', 'must be one of agency, starter, pro, business, scale');
  }
  return { planTier: plan.tier, includedMinutes: plan.minutes };
}

/** Sets the plan; an answering client becomes `active` when metered, `agency` when not. */
export async function setPlan(db: Db, client: MeteredClient, choice: PlanChoice, clock: Clock) {
  if (client.status === 'disabled') throw new ConflictError('Client is disabled');
  const plan = resolvePlan(choice);
  const now = clock.now();
  const rolled = await rollForward(db, client, now);
  const answering = plan.planTier === 'agency' ? 'agency' : 'active';
  await db.$transaction(async (tx) => {
    // Decided in SQL, not from the row read above: a racing pause stays paused, a racing
    // delete is never undone.
    const paused = await tx.client.updateMany({
      where: { id: client.id, status: 'paused' },
      data: plan,
    });
    const live = await tx.client.updateMany({
      where: { id: client.id, status: { in: ['agency', 'active'] } },
      data: { ...plan, status: answering },
    });
    if (paused.count + live.count === 0) throw new ConflictError('Client is disabled');
    await tx.usageEntry.create({
      data: {
        id: newId('UsageEntry'),
        clientId: client.id,
        kind: 'plan',
        minutes: plan.includedMinutes,
        periodStart: rolled.periodStart,
        note: plan.planTier,
        createdAt: now,
      },
    });
  });
  return db.client.findUniqueOrThrow({ where: { id: client.id } });
}

export const maxGrantMinutes = 100_000;
/** Top-ups one period may hold, so no usage total can leave GraphQL's 32-bit Int. */
export const maxAddonMinutesPerPeriod = 10_000_000;
/** Twilio ends every call within 24 hours. */
export const maxCallSeconds = 24 * 60 * 60;

/** Adds top-up minutes to the current period; they expire with it. */
export async function grantMinutes<T extends MeteredClient>(
  db: Db,
  client: T,
  minutes: number,
  clock: Clock,
): Promise<T> {
  if (client.status === 'disabled') throw new ConflictError('Client is disabled');
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > maxGrantMinutes) {
    throw new ValidationError('minutes', `must be an integer from 1 to ${maxGrantMinutes}`);
  }
  const now = clock.now();
  const rolled = await rollForward(db, client, now);
  const granted = await db.usageEntry.aggregate({
    where: { clientId: client.id, periodStart: rolled.periodStart, kind: 'grant' },
    _sum: { minutes: true },
  });
  if ((granted._sum.minutes ?? 0) + minutes > maxAddonMinutesPerPeriod) {
    throw new ValidationError(
      'minutes',
      `would take this period's add-on minutes past ${maxAddonMinutesPerPeriod}`,
    );
  }
  await db.usageEntry.create({
    data: {
      id: newId('UsageEntry'),
      clientId: client.id,
      kind: 'grant',
      minutes,
      periodStart: rolled.periodStart,
      createdAt: now,
    },
  });
  return rolled;
}

/**
 * Charges a finished call in whole minutes, rounded up, to the current period. Charging the
 * same CallSid again changes nothing and answers the first charge. A call while the client is
 * unmetered is recorded for its history but never counts against a plan set later.
 */
export async function chargeCall(
  db: Db,
  client: MeteredClient,
  call: { callSid: string; durationSeconds: number },
  clock: Clock,
): Promise<{ minutes: number; charged: boolean }> {
  const existing = await db.usageEntry.findUnique({
    where: { clientId_callSid: { clientId: client.id, callSid: call.callSid } },
  });
  if (existing) return { minutes: existing.minutes, charged: false };
  const seconds = call.durationSeconds;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > maxCallSeconds) {
    throw new ValidationError('durationSeconds', `must be from 0 to ${maxCallSeconds} seconds`);
  }

  // TODO(#calls): a call that ends just before reset_at but is charged after it lands in the
  // new period; the calls domain should pass the end time once it records calls.
  const now = clock.now();
  const rolled = await rollForward(db, client, now);
  const minutes = Math.ceil(seconds / 60);
  try {
    await db.usageEntry.create({
      data: {
        id: newId('UsageEntry'),
        clientId: client.id,
        kind: isMetered(client) ? 'call' : 'unmetered_call',
        minutes,
        periodStart: rolled.periodStart,
        callSid: call.callSid,
        createdAt: now,
      },
    });
  } catch (error) {
    const raced = await db.usageEntry.findUnique({
      where: { clientId_callSid: { clientId: client.id, callSid: call.callSid } },
    });
    if (raced) return { minutes: raced.minutes, charged: false };
    throw error;
  }
  return { minutes, charged: true };
}
