import { describe, expect, it } from '@jest/globals';
import {
  cardsByScope,
  clampYear,
  cockpitSearch,
  countOf,
  contributionsOf,
  contributionTotal,
  countingEnd,
  cumulativeSums,
  defaultYear,
  formatAxisTick,
  formatMetricValue,
  historyRange,
  MILESTONE_STATUSES,
  monthsOfYear,
  outputSeries,
  paceLine,
  parseCockpitQuery,
  pickZones,
  planRows,
  type ProgressLike,
  scopeOf,
  STATUS_COLOURS,
  statusColour,
  statusLabelKey,
  unitKey,
} from './cockpit';

const STARTUP = { id: 'z-s', code: 'STARTUP' };
const EXPANSION = { id: 'z-e', code: 'EXPANSION' };

function progress(
  year: number,
  metric: string,
  zone: { id: string; code: string } | null,
  actual = '0',
  status = 'ON_TRACK',
): ProgressLike {
  return {
    actual,
    forecast: actual,
    status,
    target: { id: `${year}-${metric}-${zone?.code ?? 'PARK'}`, metric, target: '10', year, zone },
  };
}

describe('year and day in the URL', () => {
  it('clamps a year into the plan (2025..2027)', () => {
    expect(clampYear(2024)).toBe(2025);
    expect(clampYear(2025)).toBe(2025);
    expect(clampYear(2026)).toBe(2026);
    expect(clampYear(2031)).toBe(2027);
    expect(clampYear(Number.NaN)).toBe(2025);
  });

  it("defaults to today's year, clamped", () => {
    expect(defaultYear('2026-12-02')).toBe(2026);
    expect(defaultYear('2024-06-30')).toBe(2025);
    expect(defaultYear('2029-01-01')).toBe(2027);
  });

  it('reads year and asOf from the query, falling back to today', () => {
    expect(parseCockpitQuery('year=2025&asOf=2025-06-30', '2026-12-02')).toEqual({
      year: 2025,
      asOf: '2025-06-30',
      canonical: true,
    });
    expect(parseCockpitQuery('', '2026-12-02')).toEqual({
      year: 2026,
      asOf: '2026-12-02',
      canonical: false,
    });
    expect(parseCockpitQuery('year=2030&asOf=2026-02-30', '2026-12-02')).toEqual({
      year: 2027,
      asOf: '2026-12-02',
      canonical: false,
    });
    expect(
      parseCockpitQuery(new URLSearchParams('year=abc&asOf=2027-01-05'), '2026-12-02'),
    ).toEqual({ year: 2026, asOf: '2027-01-05', canonical: false });
  });

  it('writes the view back as year=Y&asOf=D', () => {
    expect(cockpitSearch(2025, '2025-06-30')).toBe('year=2025&asOf=2025-06-30');
    const view = parseCockpitQuery(cockpitSearch(2027, '2026-01-01'), '2026-12-02');
    expect(view).toEqual({ year: 2027, asOf: '2026-01-01', canonical: true });
  });

  it('takes figures on the earlier of asOf and 31 December, none before the year', () => {
    expect(countingEnd(2025, '2026-12-02')).toBe('2025-12-31');
    expect(countingEnd(2026, '2026-12-02')).toBe('2026-12-02');
    expect(countingEnd(2027, '2026-12-02')).toBeNull();
    expect(historyRange(2026, '2026-12-02')).toEqual({ from: '2026-01-01', to: '2026-12-02' });
    expect(historyRange(2025, '2026-03-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(historyRange(2027, '2026-12-02')).toBeNull();
    expect(historyRange(2026, '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });
});

describe('status words and colours', () => {
  it('gives every status a colour and a key of words', () => {
    for (const s of MILESTONE_STATUSES) {
      expect(statusColour(s)).toMatch(/^#[0-9a-f]{6}$/);
      expect(statusLabelKey(s)).toBe(`status.${s}`);
    }
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(MILESTONE_STATUSES.length);
    expect(statusColour('SOMETHING_NEW')).toBe(STATUS_COLOURS.NOT_STARTED);
  });

  it('keeps white text readable on each colour (contrast at least 4.5:1)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const colour of Object.values(STATUS_COLOURS)) {
      expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('figures', () => {
  it('writes counts as integers and money in 元 or 万元', () => {
    expect(formatMetricValue('NEW_TECH_FIRMS', '25.00')).toBe('25');
    expect(formatMetricValue('ANNUAL_OUTPUT_VALUE', '195800000.13')).toBe('195,800,000.13');
    expect(formatMetricValue('ANNUAL_OUTPUT_VALUE', '195800000.13', true)).toBe('19,580.00');
    expect(unitKey('ANNUAL_OUTPUT_VALUE')).toBe('units.yuan');
    expect(unitKey('ANNUAL_OUTPUT_VALUE', true)).toBe('units.wan');
    expect(unitKey('INDUSTRIALIZATION_PROJECTS')).toBe('units.projects');
    expect(unitKey('NEW_SRDI_FIRMS')).toBe('units.firms');
  });

  it("picks a unit's plural form from a count, never from money", () => {
    expect(countOf('NEW_TECH_FIRMS', '1.00')).toBe(1);
    expect(countOf('INDUSTRIALIZATION_PROJECTS', '5.00')).toBe(5);
    expect(countOf('ANNUAL_OUTPUT_VALUE', '1.00')).toBeNull();
  });

  it('writes axis ticks without float noise', () => {
    expect(formatAxisTick('ANNUAL_OUTPUT_VALUE', 50000000)).toBe('5,000');
    expect(formatAxisTick('NEW_TECH_FIRMS', 40)).toBe('40');
  });
});

describe('milestones by zone and the three-year plan', () => {
  const y2026 = [
    progress(2026, 'ANNUAL_OUTPUT_VALUE', null, '195800000.13'),
    progress(2026, 'INDUSTRIALIZATION_PROJECTS', EXPANSION, '5'),
    progress(2026, 'NEW_SRDI_FIRMS', STARTUP, '1', 'ACHIEVED'),
    progress(2026, 'NEW_TECH_FIRMS', STARTUP, '25', 'BEHIND'),
    progress(2026, 'NEW_TECH_FIRMS', { id: 'other', code: 'ELSEWHERE' }, '2'),
  ];

  it('names the scope of a target: its zone, or PARK', () => {
    expect(scopeOf(y2026[0].target)).toBe('PARK');
    expect(scopeOf(y2026[1].target)).toBe('EXPANSION');
  });

  it("puts each zone's milestones in the plan's order, leaving other zones out", () => {
    const groups = cardsByScope(y2026, ['STARTUP', 'EXPANSION', 'PARK']);
    expect(groups.map((g) => [g.scope, g.cards.map((c) => c.target.metric)])).toEqual([
      ['STARTUP', ['NEW_TECH_FIRMS', 'NEW_SRDI_FIRMS']],
      ['EXPANSION', ['INDUSTRIALIZATION_PROJECTS']],
      ['PARK', ['ANNUAL_OUTPUT_VALUE']],
    ]);
    expect(cardsByScope([], ['STARTUP'])).toEqual([{ scope: 'STARTUP', cards: [] }]);
  });

  it('makes one row per target over the three years, null where a year sets none', () => {
    const rows = planRows(
      {
        2025: [
          progress(2025, 'NEW_TECH_FIRMS', STARTUP),
          progress(2025, 'ANNUAL_OUTPUT_VALUE', null),
        ],
        2026: y2026,
        2027: [progress(2027, 'NEW_SRDI_FIRMS', STARTUP, '0', 'NOT_STARTED')],
      },
      ['STARTUP', 'EXPANSION', 'PARK'],
    );
    expect(rows.map((r) => r.key)).toEqual([
      'STARTUP:NEW_TECH_FIRMS',
      'STARTUP:NEW_SRDI_FIRMS',
      'EXPANSION:INDUSTRIALIZATION_PROJECTS',
      'PARK:ANNUAL_OUTPUT_VALUE',
    ]);
    const srdi = rows[1];
    expect(srdi.cells[2025]).toBeNull();
    expect(srdi.cells[2026]?.status).toBe('ACHIEVED');
    expect(srdi.cells[2027]?.status).toBe('NOT_STARTED');
    expect(rows[0].cells[2027]).toBeNull();
  });

  it('picks the startup and the expansion zone of one park', () => {
    const zones = [
      { id: 'e2', code: 'X-EXP', kind: 'EXPANSION', park: { id: 'p2' } },
      { id: 'e1', code: 'EXPANSION', kind: 'EXPANSION', park: { id: 'p1' } },
      { id: 's1', code: 'STARTUP', kind: 'STARTUP', park: { id: 'p1' } },
    ];
    const picked = pickZones(zones);
    expect(picked.startup?.id).toBe('s1');
    expect(picked.expansion?.id).toBe('e1');
    expect(pickZones([])).toEqual({ startup: null, expansion: null });
  });
});

describe('the output chart', () => {
  it('sums exactly, month by month', () => {
    expect(cumulativeSums(['0.10', '0.20', '0.30'])).toEqual(['0.1', '0.3', '0.6']);
    expect(cumulativeSums([])).toEqual([]);
  });

  it('draws a straight pace line that ends on the target', () => {
    const pace = paceLine('210000000.00');
    expect(pace).toHaveLength(12);
    expect(pace[0]).toBe('17500000.00');
    expect(pace[5]).toBe('105000000.00');
    expect(pace[11]).toBe('210000000.00');
    expect(paceLine('100', 12)[0]).toBe('8.33');
    expect(paceLine('100', 12)[11]).toBe('100.00');
  });

  it("adds the zones' months, with the cumulative sum up to asOf's month", () => {
    expect(monthsOfYear(2026)[0]).toBe('2026-01');
    expect(monthsOfYear(2026)[11]).toBe('2026-12');
    const s = outputSeries(
      2026,
      [
        {
          code: 'STARTUP',
          months: [
            { period: '2026-01', value: '100.10' },
            { period: '2026-02', value: '0.00' },
            { period: '2026-03', value: '50.05' },
          ],
        },
        {
          code: 'EXPANSION',
          months: [
            { period: '2026-01', value: '0.20' },
            { period: '2026-02', value: '10.00' },
            { period: '2026-03', value: '0.10' },
          ],
        },
      ],
      '1200',
    );
    expect(s.months).toHaveLength(12);
    expect(s.zones[0].values.slice(0, 4)).toEqual(['100.10', '0.00', '50.05', null]);
    expect(s.total.slice(0, 4)).toEqual(['100.3', '10', '50.15', null]);
    expect(s.cumulative.slice(0, 4)).toEqual(['100.3', '110.3', '160.45', null]);
    expect(s.sum).toBe('160.45');
    expect(s.pace?.[0]).toBe('100.00');
    expect(outputSeries(2027, [{ code: 'STARTUP', months: [] }], null)).toMatchObject({
      pace: null,
      sum: '0',
      total: Array(12).fill(null),
    });
  });
});

describe('what each contributor adds', () => {
  const base = { enteredOn: '2026-03-01' };

  it('counts a new technology firm once, with its entry day', () => {
    const c = contributionsOf(
      'NEW_TECH_FIRMS',
      [
        { id: 'b', name: '乙公司', ...base },
        { id: 'a', name: '甲公司', ...base, enteredOn: '2026-01-05' },
      ],
      { year: 2026, asOf: '2026-12-02', zoneId: 'z-s' },
    );
    expect(c.map((x) => x.value)).toEqual(['1', '1']);
    expect(c.find((x) => x.tenantId === 'a')?.basis).toEqual({
      kind: 'entered',
      date: '2026-01-05',
    });
    expect(contributionTotal(c)).toBe('2');
  });

  it('names the certificate valid on the last day of the window', () => {
    const [c] = contributionsOf(
      'NEW_HIGH_TECH_FIRMS',
      [
        {
          id: 'a',
          name: '甲',
          ...base,
          certifications: [
            { kind: 'TECH_SME', certificateNo: 'T1', issuedOn: '2026-01-01', expiresOn: null },
            {
              kind: 'HIGH_TECH',
              certificateNo: 'OLD',
              issuedOn: '2020-01-01',
              expiresOn: '2022-12-31',
            },
            {
              kind: 'HIGH_TECH',
              certificateNo: 'GR1',
              issuedOn: '2026-05-01',
              expiresOn: '2029-04-30',
            },
            { kind: 'HIGH_TECH', certificateNo: 'LATER', issuedOn: '2026-12-20', expiresOn: null },
          ],
        },
      ],
      { year: 2026, asOf: '2026-12-02', zoneId: 'z-s' },
    );
    expect(c.basis).toEqual({ kind: 'certificate', certificateNo: 'GR1', issuedOn: '2026-05-01' });
  });

  it("counts a firm's projects of the zone cultivated in the window", () => {
    const projects = [
      {
        id: 'p1',
        name: '项目乙',
        cultivatedOn: '2026-03-01',
        tenant: { id: 'a' },
        zone: { id: 'z-e' },
      },
      {
        id: 'p2',
        name: '项目甲',
        cultivatedOn: '2026-09-18',
        tenant: { id: 'a' },
        zone: { id: 'z-e' },
      },
      {
        id: 'p3',
        name: '项目丙',
        cultivatedOn: '2026-12-20',
        tenant: { id: 'a' },
        zone: { id: 'z-e' },
      },
      {
        id: 'p4',
        name: '项目丁',
        cultivatedOn: '2026-04-01',
        tenant: { id: 'b' },
        zone: { id: 'z-e' },
      },
      {
        id: 'p5',
        name: '别区',
        cultivatedOn: '2026-04-01',
        tenant: { id: 'b' },
        zone: { id: 'z-x' },
      },
    ];
    const c = contributionsOf(
      'INDUSTRIALIZATION_PROJECTS',
      [
        { id: 'b', name: '乙', ...base },
        { id: 'a', name: '甲', ...base },
      ],
      { year: 2026, asOf: '2026-12-02', zoneId: 'z-e', projects },
    );
    expect(c.map((x) => [x.tenantId, x.value])).toEqual([
      ['a', '2'],
      ['b', '1'],
    ]);
    expect(c[0].basis).toEqual({ kind: 'projects', names: ['项目甲', '项目乙'] });
    expect(contributionTotal(c)).toBe('3');
  });

  it("sums a firm's counted reports up to asOf's month, exactly", () => {
    const c = contributionsOf(
      'ANNUAL_OUTPUT_VALUE',
      [
        {
          id: 'a',
          name: '甲',
          ...base,
          outputReports: [
            { period: '2026-01', outputValue: '0.10', status: 'ACCEPTED' },
            { period: '2026-02', outputValue: '0.20', status: 'SUBMITTED' },
            { period: '2026-03', outputValue: '99.00', status: 'RETURNED' },
            { period: '2026-04', outputValue: '5.00', status: 'SUBMITTED' },
          ],
        },
        {
          id: 'b',
          name: '乙',
          ...base,
          outputReports: [{ period: '2026-02', outputValue: '1000.00', status: 'ACCEPTED' }],
        },
      ],
      { year: 2026, asOf: '2026-03-31', zoneId: null },
    );
    expect(c.map((x) => [x.tenantId, x.value, x.basis])).toEqual([
      ['b', '1000.00', { kind: 'output', months: 1 }],
      ['a', '0.30', { kind: 'output', months: 2 }],
    ]);
    expect(contributionTotal(c)).toBe('1000.3');
  });

  it('counts nothing before the year begins', () => {
    const [c] = contributionsOf(
      'ANNUAL_OUTPUT_VALUE',
      [
        {
          id: 'a',
          name: '甲',
          ...base,
          outputReports: [{ period: '2027-01', outputValue: '1', status: 'ACCEPTED' }],
        },
      ],
      { year: 2027, asOf: '2026-12-02', zoneId: null },
    );
    expect(c.value).toBe('0.00');
  });
});
