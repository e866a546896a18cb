import { describe, expect, it } from '@jest/globals';
import { annualReportDue, partsProblems, yearEndOf, yearProblem } from './annual-rules.js';

describe('yearProblem', () => {
  const resident = { enteredOn: '2024-03-10', exitedOn: null };

  it('opens a year on 1 January of the next, in the park’s days', () => {
    expect(yearProblem(2025, resident, '2025-12-31')).toBe(
      '2025 is not over yet: its annual report opens on 2026-01-01',
    );
    expect(yearProblem(2025, resident, '2026-01-01')).toBeNull();
    expect(yearProblem(2026, resident, '2026-06-30')).toContain('not over yet');
  });

  it('takes the year of entry and refuses the year before it', () => {
    expect(yearProblem(2024, resident, '2026-02-01')).toBeNull();
    expect(yearProblem(2023, resident, '2026-02-01')).toBe(
      '2023 is before the firm entered the park (2024-03-10)',
    );
    expect(yearProblem(2024, { enteredOn: '2024-12-31', exitedOn: null }, '2025-01-01')).toBeNull();
  });

  it('takes the year of exit and refuses the years after it', () => {
    const left = { enteredOn: '2022-05-01', exitedOn: '2024-01-01' };
    expect(yearProblem(2024, left, '2026-01-10')).toBeNull();
    expect(yearProblem(2025, left, '2026-01-10')).toBe(
      '2025 is after the firm left the park (2024-01-01)',
    );
  });

  it('says a year not over first, whatever the residency', () => {
    expect(yearProblem(2030, resident, '2026-01-10')).toContain('not over yet');
  });
});

describe('partsProblems', () => {
  const figures = {
    employees: 10,
    employeesDoctorate: 1,
    employeesCollege: 10,
    employeesReturnees: 0,
    employeesFreshGraduates: 2,
    ipValid: 3,
    inventionPatentsValid: 3,
  };

  it('takes every 其中 up to its total', () => {
    expect(partsProblems(figures)).toEqual([]);
  });

  it('names every 其中 above its total at once', () => {
    expect(
      partsProblems({
        ...figures,
        employeesCollege: 11,
        employeesFreshGraduates: 12,
        inventionPatentsValid: 4,
      }),
    ).toEqual([
      {
        field: 'employeesCollege',
        message: 'must be at most employees (10), of which it is a part',
      },
      {
        field: 'employeesFreshGraduates',
        message: 'must be at most employees (10), of which it is a part',
      },
      {
        field: 'inventionPatentsValid',
        message: 'must be at most ipValid (3), of which it is a part',
      },
    ]);
  });

  it('leaves figures that are not numbers to their own checks', () => {
    expect(partsProblems({ ...figures, employees: undefined, employeesDoctorate: 5 })).toEqual([]);
    expect(partsProblems({ ...figures, employees: -1 })).toEqual([]);
    expect(partsProblems({ ...figures, ipValid: 2.5, inventionPatentsValid: 3 })).toEqual([]);
  });
});

describe('annualReportDue', () => {
  it('is the configured day of the next year', () => {
    expect(annualReportDue(2025, { annualReportDue: '01-31' })).toBe('2026-01-31');
    expect(annualReportDue(2025, { annualReportDue: '03-15' })).toBe('2026-03-15');
  });

  it('moves 29 February to the 28th in a year without it', () => {
    expect(annualReportDue(2026, { annualReportDue: '02-29' })).toBe('2027-02-28');
    expect(annualReportDue(2027, { annualReportDue: '02-29' })).toBe('2028-02-29');
  });

  it('reads the year end on 31 December', () => {
    expect(yearEndOf(2025)).toBe('2025-12-31');
  });
});
