/** Monthly usage periods, counted in whole calendar months (UTC) from the client's creation. */

/** `anchor` plus `months`, the day clamped to the month's last day (Jan 31 + 1 = Feb 28). */
export function addMonths(anchor: Date, months: number): Date {
  const target = new Date(anchor.getTime());
  const day = anchor.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
}

export interface Period {
  start: Date;
  end: Date;
}

/** The period counted from `anchor` that contains `at`; before the anchor, the first. */
export function periodContaining(anchor: Date, at: Date): Period {
  let index = Math.max(0, monthsBetween(anchor, at));
  while (index > 0 && addMonths(anchor, index) > at) index--;
  while (addMonths(anchor, index + 1) <= at) index++;
  return { start: addMonths(anchor, index), end: addMonths(anchor, index + 1) };
}

/** The period after the one starting at `start`. */
export function nextPeriod(anchor: Date, start: Date): Period {
  const following = periodContaining(anchor, start).end;
  return { start: following, end: periodContaining(anchor, following).end };
}
