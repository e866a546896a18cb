import { describe, expect, it } from '@jest/globals';
import { annualReportYear, reportDuePeriod } from './reminder-days.js';

describe('reportDuePeriod', () => {
  it('is last month from the 10th to its due day, the 15th', () => {
    expect(reportDuePeriod('2026-03-09')).toBeNull();
    expect(reportDuePeriod('2026-03-10')).toBe('2026-02');
    expect(reportDuePeriod('2026-03-15')).toBe('2026-02');
    expect(reportDuePeriod('2026-03-16')).toBeNull();
    expect(reportDuePeriod('2026-01-12')).toBe('2025-12');
  });

  it('is none for a month before reporting began', () => {
    expect(reportDuePeriod('2025-01-10')).toBeNull();
    expect(reportDuePeriod('2025-02-10')).toBe('2025-01');
  });
});

describe('annualReportYear', () => {
  const config = { annualReportDue: '01-31' };

  it('is last year from 2 January up to its due day included', () => {
    expect(annualReportYear('2027-01-01', config)).toBeNull();
    expect(annualReportYear('2027-01-02', config)).toBe(2026);
    expect(annualReportYear('2027-01-31', config)).toBe(2026);
    expect(annualReportYear('2027-02-01', config)).toBeNull();
    expect(annualReportYear('2027-06-30', config)).toBeNull();
  });

  it('follows ANNUAL_REPORT_DUE', () => {
    expect(annualReportYear('2027-03-15', { annualReportDue: '03-15' })).toBe(2026);
    expect(annualReportYear('2027-03-16', { annualReportDue: '03-15' })).toBeNull();
  });
});
