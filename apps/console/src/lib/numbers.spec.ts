import { describe, expect, it } from '@jest/globals';
import {
  formatArea,
  formatCount,
  formatPercent,
  formatWan,
  formatYuan,
  groupThousands,
  isMoneyText,
  progressPercent,
  sum,
} from './numbers';

describe('money and figures as the console writes them', () => {
  it('writes yuan with thousands separators and two decimals, exactly', () => {
    expect(formatYuan('140000000')).toBe('140,000,000.00');
    expect(formatYuan('1234567.8')).toBe('1,234,567.80');
    expect(formatYuan('0')).toBe('0.00');
    expect(formatYuan('-1234.5')).toBe('-1,234.50');
    // Beyond what a double holds exactly: 2^53 + 1 yuan and a fen.
    expect(formatYuan('9007199254740993.01')).toBe('9,007,199,254,740,993.01');
  });

  it('rounds half up for display only, where a float would round down', () => {
    // 1.005 is 1.00499999999999989… as a double: toFixed(2) on the float gives 1.00.
    expect(formatYuan('1.005')).toBe('1.01');
    expect(formatYuan('0.125')).toBe('0.13');
    expect(formatWan('12345')).toBe('1.23');
    expect(formatWan('12350')).toBe('1.24');
    expect(formatWan('140000000', 0)).toBe('14,000');
  });

  it('writes counts, rates and areas', () => {
    expect(formatCount('1234567')).toBe('1,234,567');
    expect(formatCount(30)).toBe('30');
    expect(formatPercent('0.8734')).toBe('87.3%');
    expect(formatPercent('0.87351', 2)).toBe('87.35%');
    expect(formatPercent('1')).toBe('100.0%');
    expect(formatArea('12345.678')).toBe('12,345.68');
    expect(formatArea('80')).toBe('80');
  });

  it('refuses what is not a decimal number instead of showing NaN', () => {
    expect(() => formatYuan('1e5')).toThrow(/not a decimal/);
    expect(() => formatYuan('abc')).toThrow(/not a decimal/);
    expect(() => formatYuan('')).toThrow(/not a decimal/);
  });

  it('groups only the integer part', () => {
    expect(groupThousands('1234.5678')).toBe('1,234.5678');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('-1000')).toBe('-1,000');
  });

  it('gives a progress bar a percentage between 0 and 100', () => {
    expect(progressPercent('15', '30')).toBe(50);
    expect(progressPercent('45', '30')).toBe(100);
    expect(progressPercent('1', '3')).toBe(33.3);
    expect(progressPercent('5', '0')).toBe(0);
  });

  it('sums exactly', () => {
    expect(sum(['0.1', '0.2'])).toBe('0.3');
    expect(sum(['140000000.01', '70000000.02', '0.07'])).toBe('210000000.1');
    expect(sum([])).toBe('0');
  });

  it('accepts money as typed: non-negative, at most two decimals', () => {
    expect(isMoneyText('1200000')).toBe(true);
    expect(isMoneyText('1200000.5')).toBe(true);
    expect(isMoneyText(' 0.01 ')).toBe(true);
    expect(isMoneyText('-5')).toBe(false);
    expect(isMoneyText('1.234')).toBe(false);
    expect(isMoneyText('1,200')).toBe(false);
    expect(isMoneyText('1e6')).toBe(false);
    expect(isMoneyText('')).toBe(false);
  });
});
