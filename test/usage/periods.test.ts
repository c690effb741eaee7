/** Monthly usage periods: calendar-month arithmetic anchored on the client's creation instant. */
import { describe, expect, it } from 'vitest';
import { addMonths, nextPeriod, periodContaining } from '../../src/domain/usage/periods.js';

const at = (iso: string) => new Date(iso);

const iso = (period: { start: Date; end: Date }) => ({
  start: period.start.toISOString(),
  end: period.end.toISOString(),
});

describe('addMonths', () => {
  it('clamps Jan 31 + 1 month to Feb 28', () => {
    expect(addMonths(at('2030-01-31T10:00:00Z'), 1)).toStrictEqual(at('2030-02-28T10:00:00Z'));
  });

  it('clamps Jan 31 + 1 month to Feb 29 in a leap year', () => {
    expect(addMonths(at('2028-01-31T10:00:00Z'), 1)).toStrictEqual(at('2028-02-29T10:00:00Z'));
  });

  it('returns to the 31st after a short month, counted from the anchor', () => {
    const anchor = at('2030-01-31T10:00:00Z');

    expect(addMonths(anchor, 2)).toStrictEqual(at('2030-03-31T10:00:00Z'));
    expect(addMonths(anchor, 3)).toStrictEqual(at('2030-04-30T10:00:00Z'));
    expect(addMonths(anchor, 4)).toStrictEqual(at('2030-05-31T10:00:00Z'));
  });

  it('crosses the year end', () => {
    expect(addMonths(at('2030-11-30T23:59:59Z'), 3)).toStrictEqual(at('2031-02-28T23:59:59Z'));
  });

  it('does not change the anchor it is given', () => {
    const anchor = at('2030-01-31T10:00:00Z');

    addMonths(anchor, 1);

    expect(anchor).toStrictEqual(at('2030-01-31T10:00:00Z'));
  });
});

describe('periodContaining', () => {
  const anchor = at('2030-01-31T10:00:00Z');

  it('gives the first period for an instant inside it', () => {
    expect(iso(periodContaining(anchor, at('2030-02-15T00:00:00Z')))).toStrictEqual({
      start: '2030-01-31T10:00:00.000Z',
      end: '2030-02-28T10:00:00.000Z',
    });
  });

  it('puts an instant exactly at a boundary in the new period', () => {
    expect(iso(periodContaining(anchor, at('2030-02-28T10:00:00Z')))).toStrictEqual({
      start: '2030-02-28T10:00:00.000Z',
      end: '2030-03-31T10:00:00.000Z',
    });
  });

  it('keeps an instant one millisecond before a boundary in the old period', () => {
    expect(iso(periodContaining(anchor, at('2030-02-28T09:59:59.999Z')))).toStrictEqual({
      start: '2030-01-31T10:00:00.000Z',
      end: '2030-02-28T10:00:00.000Z',
    });
  });

  it('keeps an instant earlier on the anchor day of a month in the previous period', () => {
    expect(iso(periodContaining(anchor, at('2030-03-31T09:00:00Z')))).toStrictEqual({
      start: '2030-02-28T10:00:00.000Z',
      end: '2030-03-31T10:00:00.000Z',
    });
  });

  it('finds the period several months ahead', () => {
    expect(iso(periodContaining(anchor, at('2030-07-01T00:00:00Z')))).toStrictEqual({
      start: '2030-06-30T10:00:00.000Z',
      end: '2030-07-31T10:00:00.000Z',
    });
  });

  it('finds the period more than a year ahead', () => {
    expect(iso(periodContaining(anchor, at('2031-03-05T00:00:00Z')))).toStrictEqual({
      start: '2031-02-28T10:00:00.000Z',
      end: '2031-03-31T10:00:00.000Z',
    });
  });

  it('gives the first period for an instant before the anchor', () => {
    expect(iso(periodContaining(anchor, at('2029-12-01T00:00:00Z')))).toStrictEqual({
      start: '2030-01-31T10:00:00.000Z',
      end: '2030-02-28T10:00:00.000Z',
    });
  });
});

describe('nextPeriod', () => {
  const anchor = at('2030-01-31T10:00:00Z');

  it('follows a period anchored on the 31st through the last day of short months', () => {
    const starts: string[] = [];
    let start = anchor;
    for (let i = 0; i < 6; i++) {
      start = nextPeriod(anchor, start).start;
      starts.push(start.toISOString().slice(0, 10));
    }

    expect(starts).toStrictEqual([
      '2030-02-28',
      '2030-03-31',
      '2030-04-30',
      '2030-05-31',
      '2030-06-30',
      '2030-07-31',
    ]);
  });

  it('ends the next period one anchored month after it starts', () => {
    expect(iso(nextPeriod(anchor, at('2030-02-28T10:00:00Z')))).toStrictEqual({
      start: '2030-03-31T10:00:00.000Z',
      end: '2030-04-30T10:00:00.000Z',
    });
  });

  it('goes to the 29th of February after Jan 31 in a leap year', () => {
    const leapAnchor = at('2028-01-31T00:00:00Z');

    expect(iso(nextPeriod(leapAnchor, leapAnchor))).toStrictEqual({
      start: '2028-02-29T00:00:00.000Z',
      end: '2028-03-31T00:00:00.000Z',
    });
  });
});
