import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { formatDecimal, isRealDate, parseDate, parseDecimal, parseYearMonth } from './scalars.js';
import { checkDecimal } from './validation.js';

describe('Decimal', () => {
  it('keeps every digit of a money amount on the way in and out', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 99 }),
        (yuan, fen) => {
          const wire = `${yuan}.${String(fen).padStart(2, '0')}`;
          expect(formatDecimal(parseDecimal(wire))).toBe(wire);
        },
      ),
    );
  });

  it('sums without float drift: 0.10 ten thousand times is exactly 1000.00', () => {
    let sum = new Decimal(0);
    for (let i = 0; i < 10000; i++) sum = sum.plus(parseDecimal('0.10'));
    expect(formatDecimal(sum)).toBe('1000.00');
  });

  it('refuses what is not a decimal number written as a string', () => {
    for (const bad of ['abc', '1e5', '1.2.3', '', ' ', '0x10', 1.5, null, true, {}]) {
      expect(() => parseDecimal(bad)).toThrow(/Decimal/);
    }
  });

  it('takes whole JSON numbers, which are exact', () => {
    expect(parseDecimal(42)).toBe('42');
  });

  it('checks bounds and decimal places for money', () => {
    expect(checkDecimal('1.005', { maxDecimals: 2 })).toBe('must have at most 2 decimal places');
    expect(checkDecimal('-0.01', { min: '0' })).toBe('must be at least 0');
    expect(checkDecimal('0', { min: '0', exclusiveMin: true })).toBe('must be greater than 0');
    expect(checkDecimal('100.10', { min: '0', maxDecimals: 2 })).toBeNull();
  });
});

describe('Date', () => {
  it('accepts real calendar dates only', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('2025-1-01')).toBe(false);
    expect(() => parseDate('2025-04-31')).toThrow(/real calendar date/);
  });

  it('agrees with the calendar for every day of four centuries', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2299-12-31'), noInvalidDate: true }),
        (d) => {
          expect(isRealDate(d.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });
});

describe('YearMonth', () => {
  it('is YYYY-MM with a month from 01 to 12', () => {
    expect(parseYearMonth('2026-01')).toBe('2026-01');
    for (const bad of ['2026-13', '2026-00', '2026-1', '202601', '2026-01-01']) {
      expect(() => parseYearMonth(bad)).toThrow(/YearMonth/);
    }
  });
});
