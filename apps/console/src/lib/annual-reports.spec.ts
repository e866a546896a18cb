import { describe, expect, it } from '@jest/globals';
import {
  ANNUAL_FIELDS,
  defaultYear,
  formProblems,
  formValuesOfDraft,
  formValuesOfReport,
  isSignedMoneyText,
  localizeAnnualProblem,
  partProblem,
  reportableYears,
  submitAnnualInputOf,
  textProblem,
  yearFromQuery,
  yearRows,
  type AnnualFigures,
  type AnnualFormValues,
  type LatestAnnual,
} from './annual-reports';

const figures: AnnualFigures = {
  registeredCapital: '5000000.00',
  employees: 40,
  employeesDoctorate: 2,
  employeesCollege: 30,
  employeesReturnees: 1,
  employeesFreshGraduates: 5,
  totalRevenue: '12000000.50',
  netProfit: '-350000.00',
  taxPaid: '420000.00',
  rdExpense: '900000.00',
  ventureFunding: '0.00',
  ipApplied: 6,
  ipGranted: 3,
  ipValid: 12,
  inventionPatentsValid: 4,
  softwareCopyrights: 5,
  techContracts: 2,
  techContractValue: '300000.00',
  nationalProjects: 0,
};
const complete = (): AnnualFormValues => formValuesOfReport(figures);

describe('reportableYears', () => {
  it('lists each year that is over and in which the firm was resident, newest first', () => {
    expect(reportableYears('2023-07-20', null, '2026-12-02')).toEqual([2025, 2024, 2023]);
  });
  it('offers no year before 1 January after the year of entry', () => {
    expect(reportableYears('2026-03-01', null, '2026-12-31')).toEqual([]);
    expect(reportableYears('2026-03-01', null, '2027-01-01')).toEqual([2026]);
  });
  it('leaves out the years after the firm left', () => {
    expect(reportableYears('2022-05-01', '2024-01-01', '2026-12-02')).toEqual([2024, 2023, 2022]);
    expect(reportableYears('2022-05-01', '2023-12-31', '2026-12-02')).toEqual([2023, 2022]);
  });
});

describe('yearRows and defaultYear', () => {
  const report = (year: number, status: LatestAnnual['status'], revision = 1): LatestAnnual => ({
    id: `${year}-${revision}`,
    year,
    revision,
    status,
    reviewNote: status === 'RETURNED' ? '从业人员与月报不符' : null,
  });
  it('keeps the latest revision of each year and offers what the state allows', () => {
    const rows = yearRows(
      [2025, 2024, 2023],
      [report(2024, 'SUBMITTED', 1), report(2024, 'RETURNED', 2), report(2023, 'ACCEPTED')],
    );
    expect(rows.map((r) => [r.year, r.state, r.action, r.report?.revision ?? null])).toEqual([
      [2025, 'NOT_REPORTED', 'REPORT', null],
      [2024, 'RETURNED', 'RESUBMIT', 2],
      [2023, 'ACCEPTED', 'CORRECT', 1],
    ]);
    expect(defaultYear(rows, [2025, 2024, 2023])).toBe(2025);
  });
  it('opens a returned year when every other is done, else the newest year', () => {
    const years = [2025, 2024];
    const returned = yearRows(years, [report(2025, 'ACCEPTED'), report(2024, 'RETURNED')]);
    expect(defaultYear(returned, years)).toBe(2024);
    const done = yearRows(years, [report(2025, 'SUBMITTED'), report(2024, 'ACCEPTED')]);
    expect(defaultYear(done, years)).toBe(2025);
    expect(defaultYear([], [])).toBeNull();
  });
  it('lists a year reported earlier even when it is no longer offered', () => {
    expect(yearRows([2025], [report(2019, 'ACCEPTED')]).map((r) => r.year)).toEqual([2025, 2019]);
  });
  it('reads a year from the address', () => {
    expect(yearFromQuery('2025')).toBe(2025);
    expect(yearFromQuery('25')).toBeNull();
    expect(yearFromQuery(null)).toBeNull();
  });
});

describe('the form', () => {
  it('starts from the draft with its five figures and leaves the rest to the firm', () => {
    const values = formValuesOfDraft({
      totalRevenue: '1200.00',
      rdExpense: '80.00',
      employees: 7,
      ipApplied: 2,
      ipGranted: 1,
    });
    expect(values).toEqual({
      totalRevenue: '1200.00',
      rdExpense: '80.00',
      employees: '7',
      ipApplied: '2',
      ipGranted: '1',
    });
    expect(Object.keys(formProblems(values)).sort()).toEqual(
      ANNUAL_FIELDS.filter((f) => !(f in values)).sort(),
    );
  });

  it('takes a complete report, a loss included', () => {
    expect(formProblems(complete())).toEqual({});
  });

  it('refuses a 其中 above its total, next to the 其中 field', () => {
    const values = { ...complete(), employees: '10', employeesCollege: '11', ipValid: '3' };
    expect(formProblems(values)).toEqual({
      employeesCollege: { kind: 'PART_EXCEEDS_TOTAL', total: 'employees' },
      inventionPatentsValid: { kind: 'PART_EXCEEDS_TOTAL', total: 'ipValid' },
    });
    expect(partProblem('employeesCollege', { ...values, employeesCollege: '10' })).toBeNull();
    // The total's own problem shows instead of the part's.
    expect(partProblem('employeesCollege', { ...values, employees: 'x' })).toBeNull();
  });

  it('refuses negative amounts except the net profit, and more than two decimals', () => {
    expect(textProblem('netProfit', '-12.5')).toBeNull();
    expect(textProblem('taxPaid', '-1')).toEqual({ kind: 'MONEY' });
    expect(textProblem('netProfit', '1.234')).toEqual({ kind: 'SIGNED_MONEY' });
    expect(textProblem('employees', '1.5')).toEqual({ kind: 'COUNT' });
    expect(textProblem('employees', '-1')).toEqual({ kind: 'COUNT' });
    expect(textProblem('registeredCapital', ' ')).toEqual({ kind: 'REQUIRED' });
    expect(isSignedMoneyText('-0.01')).toBe(true);
    expect(isSignedMoneyText('--1')).toBe(false);
  });

  it('sends exact money with two decimals and counts as integers', () => {
    const input = submitAnnualInputOf(
      { ...complete(), netProfit: '-350000', totalRevenue: ' 12000000.5 ' },
      'tenant-1',
      2025,
    );
    expect(input).toEqual({
      ...figures,
      tenantId: 'tenant-1',
      year: 2025,
      netProfit: '-350000.00',
      totalRevenue: '12000000.50',
    });
  });

  it('never sends a form that does not pass its checks', () => {
    expect(() =>
      submitAnnualInputOf({ ...complete(), employeesDoctorate: '41' }, 't', 2025),
    ).toThrow(/employeesDoctorate/);
  });
});

describe('localizeAnnualProblem', () => {
  const labelOf = (f: string) =>
    ({ employees: '从业人员', employeesCollege: '其中大专以上' })[f] ?? f;
  it('names the fields in words', () => {
    expect(
      localizeAnnualProblem(
        'employeesCollege must be at most employees',
        'zh-CN',
        labelOf as never,
      ),
    ).toBe('不得超过 从业人员');
    expect(localizeAnnualProblem('must not be negative', 'zh-CN', labelOf as never)).toBe(
      '不得为负数',
    );
    expect(
      localizeAnnualProblem(
        'must be at most employees (12), of which it is a part',
        'zh-CN',
        labelOf as never,
      ),
    ).toBe('不得超过从业人员（12）');
  });
  it('says why a year cannot be reported', () => {
    const say = (m: string) => localizeAnnualProblem(m, 'zh-CN', labelOf as never);
    expect(say('2026 is not over yet: its annual report opens on 2027-01-01')).toBe(
      '2026 年尚未结束，年报自 2027-01-01 起填报',
    );
    expect(say('2020 is before the firm entered the park (2021-03-01)')).toBe(
      '2020 年早于企业入驻日期（2021-03-01），不能填报',
    );
    expect(say('2024 is after the firm left the park (2023-06-30)')).toBe(
      '2024 年晚于企业迁出日期（2023-06-30），不能填报',
    );
  });
  it('keeps the English sentence in English', () => {
    const msg = 'employeesCollege must be at most employees';
    expect(localizeAnnualProblem(msg, 'en', labelOf as never)).toBe(msg);
  });
  it('leaves an unknown sentence with the field names in words', () => {
    expect(
      localizeAnnualProblem('employees and employeesCollege disagree', 'zh-CN', labelOf as never),
    ).toBe('从业人员 and 其中大专以上 disagree');
  });
});
