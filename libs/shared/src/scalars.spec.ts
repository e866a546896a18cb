import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import {
  formatDecimal,
  isRealDate,
  parseDate,
  parseDateTime,
  parseDecimal,
  parseYearMonth,
} from './scalars.js';
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

  it('refuses spaces, signs, exponents, words, other digits, negative zero and inexact numbers', () => {
    for (const bad of [
      ' 1',
      '1 ',
      '\t1',
      '1\n',
      '+1',
      '1e400',
      'NaN',
      'Infinity',
      '-Infinity',
      '-0',
      '-0.00',
      '１',
      '٣',
      '1_000',
      '9'.repeat(100_000),
      '1.' + '0'.repeat(13),
      2 ** 53 + 2, // past the safe integers
      Infinity,
      NaN,
      -0,
    ]) {
      expect(() => parseDecimal(bad)).toThrow(/Decimal/);
    }
  });

  it('keeps leading zeros harmless: "012.50" is 12.5', () => {
    expect(parseDecimal('012.50')).toBe('12.5');
    expect(parseDecimal('0')).toBe('0');
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

describe('Date, strictly', () => {
  it('refuses spaces, other digits, times, signs and years before 0100', () => {
    for (const bad of [
      ' 2025-01-01',
      '2025-01-01 ',
      '2025-01-01\n',
      '２０２５-01-01',
      '+02025-01-01',
      '2025-01-01T00:00:00Z',
      '0000-01-01',
      '0099-12-31',
      20250101,
      null,
    ]) {
      expect(() => parseDate(bad)).toThrow(/Date/);
    }
  });
});

describe('DateTime', () => {
  it('takes an ISO 8601 instant with its offset', () => {
    expect(parseDateTime('2026-03-01T08:00:00+08:00').toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(parseDateTime('2026-03-01T00:00:00.5Z').toISOString()).toBe('2026-03-01T00:00:00.500Z');
  });

  it('refuses what new Date() would guess at', () => {
    for (const bad of [
      '2026-03-01',
      '2026-03-01T08:00:00',
      ' 2026-03-01T08:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-03-01T24:00:00Z',
      'March 1, 2026',
      '1e400',
      'NaN',
      0,
      1772323200000,
      '9'.repeat(100_000),
    ]) {
      expect(() => parseDateTime(bad)).toThrow(/DateTime/);
    }
  });
});

describe('YearMonth', () => {
  it('is YYYY-MM with a month from 01 to 12', () => {
    expect(parseYearMonth('2026-01')).toBe('2026-01');
    for (const bad of [
      '2026-13',
      '2026-00',
      '2026-1',
      '202601',
      '2026-01-01',
      ' 2026-01',
      '2026-01 ',
      '２０２６-01',
    ]) {
      expect(() => parseYearMonth(bad)).toThrow(/YearMonth/);
    }
  });
});
