/** The usage arithmetic: what a period's ledger totals mean and what carries into the next one. */
import { describe, expect, it } from 'vitest';
import { carriedOver, usageNumbers, type PeriodTotals } from '../../src/domain/usage/ledger.js';

const totals = (partial: Partial<PeriodTotals>): PeriodTotals => ({
  rollover: 0,
  grant: 0,
  call: 0,
  ...partial,
});

describe('usageNumbers', () => {
  it('adds included, rollover and add-on minutes and subtracts those used', () => {
    expect(
      usageNumbers(true, 1200, totals({ rollover: 300, grant: 250, call: 340 })),
    ).toStrictEqual({
      metered: true,
      included: 1200,
      rollover: 300,
      addon: 250,
      used: 340,
      overage: 0,
      available: 1410,
    });
  });

  it('reports exactly zero available when the pool is used up', () => {
    const numbers = usageNumbers(true, 500, totals({ grant: 100, call: 600 }));

    expect(numbers.available).toBe(0);
    expect(numbers.overage).toBe(0);
  });

  it('never reports available below zero', () => {
    expect(usageNumbers(true, 500, totals({ call: 800 })).available).toBe(0);
  });

  it('reports overage as the minutes used past the pool when metered', () => {
    expect(usageNumbers(true, 1200, totals({ rollover: 100, grant: 50, call: 1400 })).overage).toBe(
      50,
    );
  });

  it('reports included 0 and overage 0 when unmetered, whatever the allotment and use', () => {
    const numbers = usageNumbers(false, 1200, totals({ call: 5000 }));

    expect(numbers).toMatchObject({ metered: false, included: 0, overage: 0, used: 5000 });
  });

  it('counts granted minutes as available when unmetered', () => {
    const numbers = usageNumbers(false, 0, totals({ grant: 250, call: 100 }));

    expect(numbers).toMatchObject({ addon: 250, available: 150, overage: 0 });
  });
});

describe('carriedOver', () => {
  it('carries all included minutes when nothing was used', () => {
    expect(carriedOver(true, 1200, totals({}))).toBe(1200);
  });

  it('carries the unused included minutes', () => {
    expect(carriedOver(true, 1200, totals({ call: 200 }))).toBe(1000);
  });

  it('consumes rollover before included minutes', () => {
    expect(carriedOver(true, 1200, totals({ rollover: 500, call: 400 }))).toBe(1200);
  });

  it('consumes included minutes once the rollover is used up', () => {
    expect(carriedOver(true, 1200, totals({ rollover: 500, call: 800 }))).toBe(900);
  });

  it('consumes included minutes before add-on minutes', () => {
    expect(carriedOver(true, 1200, totals({ grant: 250, call: 1300 }))).toBe(0);
  });

  it('leaves add-on minutes behind: they expire instead of carrying over', () => {
    expect(carriedOver(true, 1200, totals({ grant: 250 }))).toBe(1200);
  });

  it('never carries more than one allotment', () => {
    expect(carriedOver(true, 1200, totals({ rollover: 1200, grant: 600 }))).toBe(1200);
  });

  it('carries nothing once the included minutes are used up', () => {
    expect(carriedOver(true, 500, totals({ call: 900 }))).toBe(0);
  });

  it('carries nothing when unmetered', () => {
    expect(carriedOver(false, 1200, totals({ rollover: 300, grant: 250 }))).toBe(0);
  });
});
