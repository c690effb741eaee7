/**
 * The usage arithmetic over the ledger. Within a period minutes are consumed rollover first,
 * then included, then add-on; at the period's end unused included minutes carry over one
 * period (never more than one allotment) and add-ons expire.
 */
export interface PeriodTotals {
  rollover: number;
  grant: number;
  call: number;
}

export const isMetered = (client: { planTier: string }) => client.planTier !== 'agency';

export const emptyTotals = (): PeriodTotals => ({ rollover: 0, grant: 0, call: 0 });

export interface UsageNumbers {
  metered: boolean;
  included: number;
  rollover: number;
  addon: number;
  used: number;
  overage: number;
  available: number;
}

export function usageNumbers(
  metered: boolean,
  includedMinutes: number,
  totals: PeriodTotals,
): UsageNumbers {
  const included = metered ? includedMinutes : 0;
  const pool = included + totals.rollover + totals.grant;
  return {
    metered,
    included,
    rollover: totals.rollover,
    addon: totals.grant,
    used: totals.call,
    overage: metered ? Math.max(0, totals.call - pool) : 0,
    available: Math.max(0, pool - totals.call),
  };
}

/** Minutes the next period starts with, from this period's totals. */
export function carriedOver(
  metered: boolean,
  includedMinutes: number,
  totals: PeriodTotals,
): number {
  if (!metered) return 0;
  const usedBeyondRollover = Math.max(0, totals.call - totals.rollover);
  const unusedIncluded = Math.max(0, includedMinutes - usedBeyondRollover);
  return Math.min(unusedIncluded, includedMinutes);
}
