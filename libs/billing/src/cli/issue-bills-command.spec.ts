import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { freshDatabase, testConfig, type TestDatabase } from '../../../../test/support/test-app.js';
import { BillingCliModule } from './billing-cli.module.js';
import { issueBillsCommand } from './issue-bills-command.js';

// `npm run bills -- --period YYYY-MM` in the application the command boots, on a database of
// its own: one team leasing one unit.

let db: TestDatabase;
let app: INestApplicationContext;

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (c) => (text.out += c));
  err.on('data', (c) => (text.err += c));
  return { io: { out, err }, text };
}

async function bills(args: string[]) {
  const { io, text } = capture();
  const code = await issueBillsCommand(app, args, io);
  return { code, ...text };
}

beforeAll(async () => {
  db = await freshDatabase();
  app = await NestFactory.createApplicationContext(BillingCliModule.forRoot(testConfig(db.env)), {
    logger: false,
    abortOnError: false,
  });
  const ds = app.get(DataSource);
  const [park] = await ds.query(
    `INSERT INTO parks (code, name) VALUES ('CLI-PARK', '账单园区') RETURNING id`,
  );
  const [zone] = await ds.query(
    `INSERT INTO zones (park_id, code, name, kind) VALUES ($1, 'CLI', '起步区', 'STARTUP') RETURNING id`,
    [park.id],
  );
  const [building] = await ds.query(
    `INSERT INTO buildings (zone_id, code, name, property_fee_per_sqm)
     VALUES ($1, 'C1', '一号楼', 3.00) RETURNING id`,
    [zone.id],
  );
  const [unit] = await ds.query(
    `INSERT INTO units (building_id, code, floor, kind, area, monthly_rent_per_sqm)
     VALUES ($1, '101', 1, 'OFFICE', 50, 40) RETURNING id`,
    [building.id],
  );
  const [tenant] = await ds.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ('命令行团队', 'TEAM', $1, 'AI_PLUS', true, '2026-01-01', 'RESIDENT') RETURNING id`,
    [zone.id],
  );
  await ds.query(
    `INSERT INTO leases (unit_id, tenant_id, start_date, end_date, monthly_rent)
     VALUES ($1, $2, '2026-01-01', '2026-12-31', 2000)`,
    [unit.id, tenant.id],
  );
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('npm run bills', () => {
  it('bills the month once and prints the run; a second run makes nothing', async () => {
    const first = await bills(['--period', '2026-03']);
    expect(first.code).toBe(0);
    // Rent 2000.00 and property fee 50 m² × 3.00.
    expect(first.out).toMatch(
      /^2026-03: 1 bill\(s\) issued, total 2150\.00; 0 already issued before; in [0-9.]+ s\n$/,
    );
    const again = await bills(['--period=2026-03']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^2026-03: 0 bill\(s\) issued, total 0\.00; 1 already issued before/);
    const [{ n }] = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM bills WHERE period = '2026-03'`);
    expect(n).toBe(1);
  });

  it('exits 2 with a message and the usage on a missing or malformed --period', async () => {
    for (const [args, message] of [
      [[], /--period is missing/],
      [['--period'], /--period/],
      [['--period', '2026-13'], /--period must be a month written YYYY-MM.*got "2026-13"/],
      [['--period', 'March'], /got "March"/],
      [['--month', '2026-03'], /Unknown option '--month'/],
    ] as const) {
      const r = await bills([...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/usage: npm run bills -- --period YYYY-MM/);
    }
    expect(await bills(['--help'])).toMatchObject({ code: 0, err: '' });
  });

  it('exits 1 on a month the rules refuse, writing nothing', async () => {
    const before = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM bills`);
    const r = await bills(['--period', '2999-01']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^2999-01: refused, nothing was written: period /m);
    expect(await app.get(DataSource).query(`SELECT count(*)::int AS n FROM bills`)).toEqual(before);
  });
});
