/** The v1 JSON of a usage summary. */
import { toUnixSeconds } from '../../rest/route.js';
import type { UsageNumbers } from './ledger.js';

export const usageSelection =
  'metered included rollover addon used overage available periodStart resetAt policy spendCapCents';

export interface UsageData extends UsageNumbers {
  periodStart: string;
  resetAt: string;
  policy: string;
  spendCapCents: number;
}

export function usageToWire(usage: UsageData) {
  return {
    metered: usage.metered,
    included: usage.included,
    rollover: usage.rollover,
    addon: usage.addon,
    used: usage.used,
    overage: usage.overage,
    available: usage.available,
    period_start: toUnixSeconds(usage.periodStart),
    reset_at: toUnixSeconds(usage.resetAt),
    policy: usage.policy,
    spend_cap_cents: usage.spendCapCents,
  };
}
