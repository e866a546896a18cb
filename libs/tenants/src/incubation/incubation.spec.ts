import { describe, expect, it } from '@jest/globals';
import { TenantStatus } from '../tenant.enum.js';
import {
  addMonths,
  IncubationStage,
  incubatedOnSql,
  incubationEndsOn,
  incubationOf,
} from './incubation.js';

const resident = (enteredOn: string, foundedOn: string | null = null) => ({
  status: TenantStatus.RESIDENT,
  enteredOn,
  exitedOn: null,
  foundedOn,
});

const stageOn = (enteredOn: string, day: string, months?: number) =>
  incubationOf(resident(enteredOn), day, months).stage;

describe('addMonths', () => {
  it('keeps the day, or clamps it to the end of a shorter month', () => {
    expect(addMonths('2024-03-15', 1)).toBe('2024-04-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-10-31', 4)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', -24)).toBe('2022-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
  });
});

describe('incubationOf', () => {
  it('ends the period on enteredOn + 48 months − 1 day', () => {
    expect(incubationOf(resident('2022-03-01'), '2025-01-01').endsOn).toBe('2026-02-28');
    expect(incubationOf(resident('2022-03-15'), '2025-01-01').endsOn).toBe('2026-03-14');
    expect(incubationOf(resident('2024-01-01'), '2025-01-01').endsOn).toBe('2027-12-31');
    expect(incubationOf(resident('2022-03-01'), '2025-01-01', 12).endsOn).toBe('2023-02-28');
    expect(incubationEndsOn('2020-03-01', 48)).toBe('2024-02-29');
  });

  it('clamps to the end of a shorter month: entered 31 January', () => {
    // + 1 month is 29 February 2024, so the period's last day is 28 February.
    expect(incubationEndsOn('2024-01-31', 1)).toBe('2024-02-28');
    expect(incubationEndsOn('2024-01-31', 13)).toBe('2025-02-27');
    // + 48 months is 31 January 2028.
    expect(incubationOf(resident('2024-01-31'), '2025-01-01').endsOn).toBe('2028-01-30');
    expect(incubationEndsOn('2023-03-31', 11)).toBe('2024-02-28');
    // monthsResident counts a month to the clamped day.
    expect(incubationOf(resident('2024-01-31'), '2024-02-28').monthsResident).toBe(0);
    expect(incubationOf(resident('2024-01-31'), '2024-02-29').monthsResident).toBe(1);
    expect(incubationOf(resident('2024-01-31'), '2024-03-30').monthsResident).toBe(1);
    expect(incubationOf(resident('2024-01-31'), '2024-03-31').monthsResident).toBe(2);
  });

  it('is OVERSTAYING from the day after endsOn, not on endsOn', () => {
    // Entered 2021-06-10: endsOn 2025-06-09.
    expect(stageOn('2021-06-10', '2025-06-09')).toBe(IncubationStage.DUE_TO_GRADUATE);
    expect(stageOn('2021-06-10', '2025-06-10')).toBe(IncubationStage.OVERSTAYING);
    expect(stageOn('2021-06-10', '2030-01-01')).toBe(IncubationStage.OVERSTAYING);
  });

  it('is DUE_TO_GRADUATE when endsOn is at most 6 months after the day', () => {
    // endsOn 2025-06-09 is exactly 6 months after 2024-12-09.
    expect(stageOn('2021-06-10', '2024-12-09')).toBe(IncubationStage.DUE_TO_GRADUATE);
    expect(stageOn('2021-06-10', '2024-12-08')).toBe(IncubationStage.INCUBATING);
    expect(stageOn('2021-06-10', '2021-06-10')).toBe(IncubationStage.INCUBATING);
    // With the month's end: entered 2024-01-31, 12 months, endsOn 2025-01-30; 6 months before
    // is 2024-07-30.
    expect(stageOn('2024-01-31', '2024-07-30', 12)).toBe(IncubationStage.DUE_TO_GRADUATE);
    expect(stageOn('2024-01-31', '2024-07-29', 12)).toBe(IncubationStage.INCUBATING);
    // endsOn 2026-02-28; 6 months after 2025-08-31 is 2026-02-28 (clamped).
    expect(stageOn('2022-03-01', '2025-08-31')).toBe(IncubationStage.DUE_TO_GRADUATE);
    expect(stageOn('2022-03-01', '2025-08-27')).toBe(IncubationStage.INCUBATING);
    // A short period is due from its first day.
    expect(stageOn('2025-01-01', '2025-01-01', 6)).toBe(IncubationStage.DUE_TO_GRADUATE);
    expect(stageOn('2025-01-01', '2025-01-01', 7)).toBe(IncubationStage.INCUBATING);
  });

  it('takes GRADUATED and EXITED from the status, whatever the dates', () => {
    for (const status of [TenantStatus.GRADUATED, TenantStatus.EXITED]) {
      const of = incubationOf(
        { status, enteredOn: '2018-01-01', exitedOn: '2024-03-15', foundedOn: null },
        '2026-01-01',
      );
      expect(of.stage).toBe(status as string);
      expect(of.endsOn).toBe('2021-12-31');
      // Resident until the exit: 2018-01-01 to 2024-03-15.
      expect(of.monthsResident).toBe(74);
    }
  });

  it('counts whole months resident up to the day or the exit', () => {
    expect(incubationOf(resident('2025-03-15'), '2025-03-15').monthsResident).toBe(0);
    expect(incubationOf(resident('2025-03-15'), '2025-04-14').monthsResident).toBe(0);
    expect(incubationOf(resident('2025-03-15'), '2025-04-15').monthsResident).toBe(1);
    expect(incubationOf(resident('2025-03-15'), '2026-03-14').monthsResident).toBe(11);
    expect(incubationOf(resident('2025-03-15'), '2026-03-15').monthsResident).toBe(12);
    // Not there yet.
    expect(incubationOf(resident('2026-05-01'), '2026-01-01').monthsResident).toBe(0);
    // Leaving after the day does not count yet.
    const leaving = { ...resident('2025-01-01'), exitedOn: '2026-01-01' };
    expect(incubationOf(leaving, '2025-06-01').monthsResident).toBe(5);
  });

  it('is youngAtEntry when founded no more than 24 months before entry', () => {
    const young = (enteredOn: string, foundedOn: string | null) =>
      incubationOf(resident(enteredOn, foundedOn), '2026-01-01').youngAtEntry;
    expect(young('2025-03-01', '2023-03-01')).toBe(true);
    expect(young('2025-03-01', '2023-02-28')).toBe(false);
    expect(young('2025-03-01', '2025-03-01')).toBe(true);
    expect(young('2025-03-01', '2010-01-01')).toBe(false);
    expect(young('2025-03-01', null)).toBeNull();
    // 29 February 2024 less 24 months is 28 February 2022.
    expect(young('2024-02-29', '2022-02-28')).toBe(true);
    expect(young('2024-02-29', '2022-02-27')).toBe(false);
  });
});

describe('incubatedOnSql', () => {
  it('says resident on the day and before entered_on + the months', () => {
    const sql = incubatedOnSql('t', '$2', '$3').replace(/\s+/g, ' ');
    expect(sql).toBe(
      '(t.entered_on <= $2::date AND (t.exited_on IS NULL OR t.exited_on >= $2::date) ' +
        'AND $2::date < t.entered_on + make_interval(months => $3::int))',
    );
  });
});
