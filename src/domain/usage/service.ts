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
  const status =
    rolled.status === 'paused' ? 'paused' : plan.planTier === 'agency' ? 'agency' : 'active';
  const [updated] = await db.$transaction([
    db.client.update({ where: { id: client.id }, data: { ...plan, status } }),
    db.usageEntry.create({
      data: {
        id: newId('UsageEntry'),
        clientId: client.id,
        kind: 'plan',
        minutes: plan.includedMinutes,
        periodStart: rolled.periodStart,
        note: plan.planTier,
        createdAt: now,
      },
    }),
  ]);
  return updated;
}

export const maxGrantMinutes = 100_000;

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
 * Charges a finished call in whole minutes, rounded up, to the period it ends in. Charging the
 * same CallSid again changes nothing and answers the first charge.
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

  const now = clock.now();
  const rolled = await rollForward(db, client, now);
  const minutes = Math.ceil(Math.max(0, call.durationSeconds) / 60);
  try {
    await db.usageEntry.create({
      data: {
        id: newId('UsageEntry'),
        clientId: client.id,
        kind: 'call',
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
