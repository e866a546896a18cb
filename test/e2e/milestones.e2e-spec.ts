import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Decimal } from 'decimal.js';
import { Role, todayInShanghai } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MilestoneFixtures, type Zones } from './milestones-fixtures.js';

// Each test counts a year of its own (targets set for it), so tests share the database without
// seeing each other's facts.

const PROGRESS = `
  query($year: Int!, $zoneId: ID, $asOf: Date) {
    milestoneProgress(year: $year, zoneId: $zoneId, asOf: $asOf) {
      target { id year metric target zone { code } }
      asOf actual ratio forecast status
      contributors { id name }
    }
  }`;

interface Progress {
  target: {
    id: string;
    year: number;
    metric: string;
    target: string;
    zone: { code: string } | null;
  };
  asOf: string;
  actual: string;
  ratio: number;
  forecast: string;
  status: string;
  contributors: { id: string; name: string }[];
}

let t: TestApp;
let f: MilestoneFixtures;
let zones: Zones;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  f = new MilestoneFixtures(t);
  zones = await f.zones();
  admin = await t.adminToken();
});
afterAll(() => t?.close());

async function progress(year: number, asOf: string, zoneId?: string, token?: string) {
  const data = await t.ok<{ milestoneProgress: Progress[] }>(
    PROGRESS,
    { year, zoneId, asOf },
    token ?? admin,
  );
  return data.milestoneProgress;
}

async function one(year: number, metric: string, asOf: string, zoneId?: string) {
  const rows = await progress(year, asOf, zoneId);
  const row = rows.find((r) => r.target.metric === metric);
  if (!row) throw new Error(`no ${metric} target in ${year}`);
  return row;
}

const names = (p: Progress) => p.contributors.map((c) => c.name).sort();

describe('NEW_TECH_FIRMS', () => {
  it('counts the zone’s technology firms entering in the window, exits notwithstanding', async () => {
    await f.setTarget(2019, 'NEW_TECH_FIRMS', zones.startup, '3');
    await f.firm(zones.startup, '2019-02-10', { name: '2019 A counted' });
    await f.firm(zones.startup, '2018-12-31', { name: '2019 B entered the year before' });
    await f.firm(zones.startup, '2019-03-01', { name: '2019 C not technology', tech: false });
    await f.firm(zones.expansion, '2019-03-01', { name: '2019 D other zone' });
    await f.firm(zones.startup, '2019-04-01', {
      name: '2019 E left later',
      exitedOn: '2019-06-30',
    });
    await f.firm(zones.startup, '2019-08-01', { name: '2019 F entered after asOf' });

    const midYear = await one(2019, 'NEW_TECH_FIRMS', '2019-06-30', zones.startup);
    expect(midYear.actual).toBe('2.00');
    expect(names(midYear)).toEqual(['2019 A counted', '2019 E left later']);
    // 30 June is day 181 of 365: 2 ÷ (181/365) = 4.03…, rounded down.
    expect(midYear.forecast).toBe('4.00');
    expect(midYear.status).toBe('ON_TRACK');
    expect(midYear.ratio).toBeCloseTo(2 / 3, 10);

    const yearEnd = await one(2019, 'NEW_TECH_FIRMS', '2019-12-31', zones.startup);
    expect(yearEnd.actual).toBe('3.00');
    expect(yearEnd.status).toBe('ACHIEVED');
    expect(yearEnd.ratio).toBe(1);
    const later = await one(2019, 'NEW_TECH_FIRMS', '2020-05-01', zones.startup);
    expect(later.actual).toBe('3.00');
    expect(later.forecast).toBe('3.00');
  });
});

describe('NEW_HIGH_TECH_FIRMS and NEW_SRDI_FIRMS', () => {
  it('count the new firms holding a valid certificate on the last day of the window', async () => {
    await f.setTarget(2020, 'NEW_TECH_FIRMS', zones.startup, '10');
    await f.setTarget(2020, 'NEW_HIGH_TECH_FIRMS', zones.startup, '2');
    await f.setTarget(2020, 'NEW_SRDI_FIRMS', zones.startup, '1');
    const a = await f.firm(zones.startup, '2020-01-15', { name: '2020 A issued in May' });
    await f.certify(a, 'HIGH_TECH', '2020-05-01', '2023-04-30');
    const b = await f.firm(zones.startup, '2020-02-01', { name: '2020 B expired in March' });
    await f.certify(b, 'HIGH_TECH', '2017-03-01', '2020-03-01');
    const c = await f.firm(zones.startup, '2020-02-01', { name: '2020 C SRDI' });
    await f.certify(c, 'SRDI', '2020-02-01');
    await f.certify(c, 'TECH_SME', '2020-02-01');
    const d = await f.firm(zones.startup, '2020-03-01', { name: '2020 D expires on the day' });
    await f.certify(d, 'HIGH_TECH', '2019-06-01', '2020-06-01');
    const old = await f.firm(zones.startup, '2019-11-01', { name: '2020 E entered in 2019' });
    await f.certify(old, 'HIGH_TECH', '2019-12-01');
    const team = await f.firm(zones.startup, '2020-03-01', {
      name: '2020 F not technology',
      tech: false,
    });
    await f.certify(team, 'HIGH_TECH', '2020-03-01');
    const other = await f.firm(zones.expansion, '2020-03-01', { name: '2020 G other zone' });
    await f.certify(other, 'SRDI', '2020-03-01');

    const before = await progress(2020, '2020-04-30', zones.startup);
    const by = (rows: Progress[], m: string) => rows.find((r) => r.target.metric === m)!;
    expect(by(before, 'NEW_TECH_FIRMS').actual).toBe('4.00');
    expect(names(by(before, 'NEW_HIGH_TECH_FIRMS'))).toEqual(['2020 D expires on the day']);
    expect(names(by(before, 'NEW_SRDI_FIRMS'))).toEqual(['2020 C SRDI']);
    expect(by(before, 'NEW_SRDI_FIRMS').status).toBe('ACHIEVED');

    const onTheDay = await progress(2020, '2020-06-01', zones.startup);
    expect(names(by(onTheDay, 'NEW_HIGH_TECH_FIRMS'))).toEqual([
      '2020 A issued in May',
      '2020 D expires on the day',
    ]);
    expect(by(onTheDay, 'NEW_HIGH_TECH_FIRMS').actual).toBe('2.00');

    const after = await progress(2020, '2020-06-02', zones.startup);
    expect(names(by(after, 'NEW_HIGH_TECH_FIRMS'))).toEqual(['2020 A issued in May']);
    // The year is over: the certificate valid on 31 December is what counts.
    const final = await progress(2020, '2021-03-01', zones.startup);
    expect(by(final, 'NEW_HIGH_TECH_FIRMS').actual).toBe('1.00');
    expect(by(final, 'NEW_HIGH_TECH_FIRMS').status).toBe('MISSED');
  });
});

describe('INDUSTRIALIZATION_PROJECTS', () => {
  it('counts the zone’s projects cultivated in the window', async () => {
    await f.setTarget(2021, 'INDUSTRIALIZATION_PROJECTS', zones.expansion, '6');
    const x = await f.firm(zones.expansion, '2018-05-01', { name: '2021 X' });
    const y = await f.firm(zones.expansion, '2020-05-01', { name: '2021 Y' });
    const s = await f.firm(zones.startup, '2020-05-01', { name: '2021 S startup' });
    await f.project(x, '2021-02-01');
    await f.project(x, '2021-03-15');
    await f.project(y, '2020-12-31');
    await f.project(y, '2021-09-01');
    await f.project(s, '2021-02-01');

    const p = await one(2021, 'INDUSTRIALIZATION_PROJECTS', '2021-06-30', zones.expansion);
    expect(p.actual).toBe('2.00');
    expect(names(p)).toEqual(['2021 X']);
    const end = await one(2021, 'INDUSTRIALIZATION_PROJECTS', '2021-12-31', zones.expansion);
    expect(end.actual).toBe('3.00');
    expect(names(end)).toEqual(['2021 X', '2021 Y']);
    // Last day of the year, half the target: the forecast is the actual, and not yet MISSED.
    expect(end.forecast).toBe('3.00');
    expect(end.status).toBe('BEHIND');
    expect(
      (await one(2021, 'INDUSTRIALIZATION_PROJECTS', '2022-01-01', zones.expansion)).status,
    ).toBe('MISSED');
  });
});

describe('ANNUAL_OUTPUT_VALUE', () => {
  it('sums the latest SUBMITTED or ACCEPTED revision of each month, once, exactly', async () => {
    await f.setTarget(2022, 'ANNUAL_OUTPUT_VALUE', null, '1000000.00');
    const a = await f.firm(zones.startup, '2021-01-01', { name: '2022 A' });
    const b = await f.firm(zones.expansion, '2021-01-01', { name: '2022 B' });
    const c = await f.firm(zones.startup, '2021-01-01', { name: '2022 C returned' });

    await f.report(a, '2022-01', '100000.10');
    const jan = await f.report(a, '2022-01', '100000.20'); // resubmitted: counts once
    await f.review(jan, 'ACCEPT');
    await f.report(b, '2022-01', '50000.05');
    await f.report(b, '2022-02', '70000.07');
    const returned = await f.report(c, '2022-01', '999999.99');
    await f.review(returned, 'RETURN');
    await f.report(a, '2021-12', '12345.67'); // another year
    await f.report(a, '2022-04', '33333.33'); // after asOf's month

    const march = await one(2022, 'ANNUAL_OUTPUT_VALUE', '2022-03-15');
    expect(march.actual).toBe('220000.32');
    expect(names(march)).toEqual(['2022 A', '2022 B']);
    // January and February are complete: (150000.25 + 70000.07) / 2 × 12.
    expect(march.forecast).toBe('1320001.92');
    expect(march.status).toBe('ON_TRACK');

    // The firm resubmits the returned month: now it counts.
    await f.report(c, '2022-01', '0.01');
    const again = await one(2022, 'ANNUAL_OUTPUT_VALUE', '2022-03-15');
    expect(again.actual).toBe('220000.33');
    expect(names(again)).toEqual(['2022 A', '2022 B', '2022 C returned']);
    // Only the zone's firms when the target is a zone's.
    await f.setTarget(2022, 'ANNUAL_OUTPUT_VALUE', zones.expansion, '80000');
    const zone = await one(2022, 'ANNUAL_OUTPUT_VALUE', '2022-03-15', zones.expansion);
    expect(zone.actual).toBe('120000.12');
    expect(zone.status).toBe('ACHIEVED');
  });

  it('stays exact to the fen across many reports', async () => {
    await f.setTarget(2018, 'ANNUAL_OUTPUT_VALUE', null, '999999999.99');
    const values = ['0.10', '0.20', '1234567.89', '0.07', '9999999.99', '0.01'];
    let expected = new Decimal(0);
    for (let i = 0; i < 8; i++) {
      const firm = await f.firm(i % 2 ? zones.startup : zones.expansion, '2017-06-01');
      for (let m = 1; m <= 12; m++) {
        const v = values[(i + m) % values.length];
        await f.report(firm, `2018-${String(m).padStart(2, '0')}`, v);
        expected = expected.plus(v);
      }
    }
    const p = await one(2018, 'ANNUAL_OUTPUT_VALUE', '2019-01-10');
    expect(p.actual).toBe(expected.toFixed(2));
    expect(p.forecast).toBe(expected.toFixed(2));
    expect(p.contributors).toHaveLength(8);
  });
});

describe('milestoneProgress', () => {
  it('gives every target of the year, or only the zone’s, never the park’s in a zone', async () => {
    const rows = await progress(2026, '2026-06-01');
    expect(rows.map((r) => [r.target.metric, r.target.zone?.code ?? null])).toEqual([
      ['NEW_TECH_FIRMS', 'STARTUP'],
      ['NEW_HIGH_TECH_FIRMS', 'STARTUP'],
      ['NEW_SRDI_FIRMS', 'STARTUP'],
      ['INDUSTRIALIZATION_PROJECTS', 'EXPANSION'],
      ['ANNUAL_OUTPUT_VALUE', null],
    ]);
    const startup = await progress(2026, '2026-06-01', zones.startup);
    expect(startup.map((r) => r.target.metric)).toEqual([
      'NEW_TECH_FIRMS',
      'NEW_HIGH_TECH_FIRMS',
      'NEW_SRDI_FIRMS',
    ]);
    const expansion = await progress(2026, '2026-06-01', zones.expansion);
    expect(expansion.map((r) => r.target.metric)).toEqual(['INDUSTRIALIZATION_PROJECTS']);
  });

  it('is NOT_STARTED before 1 January and counts from it', async () => {
    await f.setTarget(2017, 'NEW_TECH_FIRMS', zones.startup, '1');
    await f.firm(zones.startup, '2017-01-01', { name: '2017 first day' });
    const before = await one(2017, 'NEW_TECH_FIRMS', '2016-12-31', zones.startup);
    expect(before).toMatchObject({ actual: '0.00', forecast: '0.00', status: 'NOT_STARTED' });
    expect(before.contributors).toEqual([]);
    const first = await one(2017, 'NEW_TECH_FIRMS', '2017-01-01', zones.startup);
    expect(first).toMatchObject({ actual: '1.00', forecast: '365.00', status: 'ACHIEVED' });
  });

  it('reproduces a past day’s figures whatever was added after it', async () => {
    await f.setTarget(2016, 'NEW_TECH_FIRMS', zones.startup, '4');
    await f.setTarget(2016, 'NEW_HIGH_TECH_FIRMS', zones.startup, '2');
    await f.setTarget(2016, 'INDUSTRIALIZATION_PROJECTS', zones.expansion, '2');
    await f.setTarget(2016, 'ANNUAL_OUTPUT_VALUE', null, '500000');
    const s1 = await f.firm(zones.startup, '2016-02-01', { name: '2016 S1' });
    const e1 = await f.firm(zones.expansion, '2016-01-10', { name: '2016 E1' });
    await f.project(e1, '2016-03-01');
    await f.report(s1, '2016-02', '1000.50');
    await f.report(e1, '2016-04', '2000.25');
    const asOf = '2016-05-31';
    const then = await progress(2016, asOf);

    // Facts effective after asOf: a firm entering, a certificate issued, a project, a month.
    const s2 = await f.firm(zones.startup, '2016-06-10', { name: '2016 S2' });
    await f.certify(s1, 'HIGH_TECH', '2016-06-05');
    await f.certify(s2, 'HIGH_TECH', '2016-07-01');
    await f.project(e1, '2016-07-01');
    await f.report(s1, '2016-06', '5000.00');
    expect(await progress(2016, asOf)).toEqual(then);
    expect((await progress(2016, '2016-12-31')).map((r) => r.actual)).toEqual([
      '2.00',
      '2.00',
      '2.00',
      '8000.75',
    ]);
  });

  it('takes today in Asia/Shanghai when asOf is left out', async () => {
    const { milestoneProgress } = await t.ok<{ milestoneProgress: { asOf: string }[] }>(
      `{ milestoneProgress(year: 2026) { asOf } }`,
      {},
      admin,
    );
    expect(milestoneProgress.length).toBeGreaterThan(0);
    for (const p of milestoneProgress) expect(p.asOf).toBe(todayInShanghai());
  });

  it('is read by every committee role and by no firm', async () => {
    for (const role of [Role.SPACE_MANAGER, Role.POLICY_OFFICER, Role.SERVICE_DESK, Role.ANALYST]) {
      const rows = await progress(2026, '2026-06-01', undefined, await t.tokenFor(role));
      expect(rows).toHaveLength(5);
    }
    const firm = await f.firm(zones.startup, '2026-01-05');
    for (const role of [Role.TENANT_ADMIN, Role.TENANT_REPORTER]) {
      const res = await t.gql(PROGRESS, { year: 2026 }, await t.tokenFor(role, { tenantId: firm }));
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.gql(PROGRESS, { year: 2026 });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a year out of range and an unknown zone', async () => {
    const year = await t.gql(PROGRESS, { year: 1999 }, admin);
    expect(year.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'year', message: 'year must be from 2000 to 2100' }],
    });
    const zone = await t.gql(
      PROGRESS,
      { year: 2026, zoneId: '00000000-0000-4000-8000-000000000000' },
      admin,
    );
    expect(zone.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'zoneId' }],
    });
    const date = await t.gql(PROGRESS, { year: 2026, asOf: '2026-02-30' }, admin);
    expect(date.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('setMilestoneTarget', () => {
  const SET = `mutation($input: MilestoneTargetInput!) { setMilestoneTarget(input: $input) { id target } }`;
  const set = (metric: string, target: string, year = 2033) =>
    t.gql<{ setMilestoneTarget: { id: string; target: string } }>(
      SET,
      { input: { year, metric, zoneId: zones.startup, target, source: 'committee decision' } },
      admin,
    );

  it.each([
    ['NEW_TECH_FIRMS', '1.5', 'target must be a whole number of firms for NEW_TECH_FIRMS'],
    [
      'NEW_HIGH_TECH_FIRMS',
      '2.25',
      'target must be a whole number of firms for NEW_HIGH_TECH_FIRMS',
    ],
    ['NEW_SRDI_FIRMS', '0.01', 'target must be a whole number of firms for NEW_SRDI_FIRMS'],
    [
      'INDUSTRIALIZATION_PROJECTS',
      '6.5',
      'target must be a whole number of projects for INDUSTRIALIZATION_PROJECTS',
    ],
    ['NEW_TECH_FIRMS', '-3', 'target must be at least 0'],
  ])('refuses %s = %s naming target, writing nothing', async (metric, target, message) => {
    const [targets, events] = [await t.count('milestone_targets'), await t.count('audit_events')];
    const res = await set(metric, target);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'target', message }],
    });
    expect(res.data).toBeFalsy();
    expect(await t.count('milestone_targets')).toBe(targets);
    expect(await t.count('audit_events')).toBe(events);
  });

  it('takes whole counts, written with or without decimals, and output in yuan to the fen', async () => {
    expect((await set('NEW_TECH_FIRMS', '40', 2034)).data?.setMilestoneTarget.target).toBe('40.00');
    expect((await set('NEW_SRDI_FIRMS', '2.00', 2034)).data?.setMilestoneTarget.target).toBe(
      '2.00',
    );
    expect(
      (await set('ANNUAL_OUTPUT_VALUE', '210000000.55', 2034)).data?.setMilestoneTarget.target,
    ).toBe('210000000.55');
    const fen = await set('ANNUAL_OUTPUT_VALUE', '1.005', 2034);
    expect(fen.errors?.[0].extensions.fields).toEqual([
      { field: 'target', message: 'target must have at most 2 decimal places' },
    ]);
  });
});
