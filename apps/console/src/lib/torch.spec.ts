import { describe, expect, it } from '@jest/globals';
import {
  figuresOf,
  orderedChecks,
  TORCH_FIGURES,
  TORCH_GROUPS,
  torchFileName,
  torchYearFromQuery,
  torchYears,
} from './torch';

describe('torchYearFromQuery', () => {
  it('defaults to last year', () => {
    expect(torchYearFromQuery(null, '2026-12-02')).toBe(2025);
    expect(torchYearFromQuery('abc', '2026-12-02')).toBe(2025);
  });
  it('takes a year up to this one', () => {
    expect(torchYearFromQuery('2024', '2026-12-02')).toBe(2024);
    expect(torchYearFromQuery('2026', '2026-12-02')).toBe(2026);
    expect(torchYearFromQuery('2027', '2026-12-02')).toBe(2025);
    expect(torchYearFromQuery('1999', '2026-12-02')).toBe(2025);
  });
  it('offers the years newest first', () => {
    expect(torchYears('2022-01-01')).toEqual([2022, 2021, 2020]);
  });
});

describe('the figures', () => {
  it('shows every figure once, in a group, with its unit', () => {
    const fields = TORCH_FIGURES.map((f) => f.field);
    expect(new Set(fields).size).toBe(20);
    expect(TORCH_GROUPS.flatMap((g) => figuresOf(g).map((f) => f.field)).sort()).toEqual(
      [...fields].sort(),
    );
    for (const f of TORCH_FIGURES) {
      if (f.field.endsWith('Thousand')) expect(f.unit).toBe('THOUSAND');
      if (f.field.endsWith('Area')) expect(f.unit).toBe('AREA');
    }
  });
});

describe('orderedChecks', () => {
  it('puts the failing checks first, each group in the order given', () => {
    const checks = [
      { code: 'A', passed: true },
      { code: 'B', passed: false },
      { code: 'C', passed: true },
      { code: 'D', passed: false },
    ];
    expect(orderedChecks(checks).map((c) => c.code)).toEqual(['B', 'D', 'A', 'C']);
  });
});

describe('torchFileName', () => {
  it("keeps the API's name without folders, ending .xlsx", () => {
    expect(torchFileName('../火炬统计-2025.xlsx', 2025)).toBe('火炬统计-2025.xlsx');
    expect(torchFileName('torch:2025', 2025)).toBe('torch2025.xlsx');
    expect(torchFileName('', 2025)).toBe('torch-statistics-2025.xlsx');
  });
});
