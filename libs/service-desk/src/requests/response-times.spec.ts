import { describe, expect, it } from '@jest/globals';
import { ServiceCategory } from '../providers/service-category.enum.js';
import { DEFAULT_RESPONSE_HOURS, parseResponseHours } from './response-times.js';

describe('parseResponseHours (SERVICE_RESPONSE_HOURS)', () => {
  it('gives a response time to every category by default', () => {
    expect(parseResponseHours(undefined)).toBe(DEFAULT_RESPONSE_HOURS);
    expect(parseResponseHours('  ')).toBe(DEFAULT_RESPONSE_HOURS);
    for (const c of Object.values(ServiceCategory)) {
      expect(DEFAULT_RESPONSE_HOURS[c]).toBeGreaterThan(0);
    }
  });

  it('overrides only the categories it names', () => {
    const hours = parseResponseHours('{"FACILITY": 8, "LEGAL": 24}');
    expect(hours.FACILITY).toBe(8);
    expect(hours.LEGAL).toBe(24);
    expect(hours.IP_PATENT).toBe(DEFAULT_RESPONSE_HOURS.IP_PATENT);
  });

  it('refuses what it cannot use, naming the variable', () => {
    expect(() => parseResponseHours('8')).toThrow(/^SERVICE_RESPONSE_HOURS must be a JSON object/);
    expect(() => parseResponseHours('{FACILITY: 8}')).toThrow(/must be a JSON object/);
    expect(() => parseResponseHours('{"PLUMBING": 8}')).toThrow(/unknown category PLUMBING/);
    expect(() => parseResponseHours('{"FACILITY": 0}')).toThrow(/from 1 to 8760/);
    expect(() => parseResponseHours('{"FACILITY": 1.5}')).toThrow(/gives FACILITY 1.5/);
    expect(() => parseResponseHours('{"FACILITY": "8"}')).toThrow(/whole number/);
  });
});
