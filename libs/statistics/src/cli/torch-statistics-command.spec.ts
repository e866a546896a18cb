import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { freshDatabase, testConfig, type TestDatabase } from '../../../../test/support/test-app.js';
import { StatisticsCliModule } from './statistics-cli.module.js';
import { torchStatisticsCommand } from './torch-statistics-command.js';

// `npm run statistics:torch -- --year YYYY [--out FILE]` in the application the command boots,
// on a database of its own: one park with one incubated team leasing 80 of its 100 m².

const TODAY = '2026-03-01';
let db: TestDatabase;
let app: INestApplicationContext;
let dir: string;

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (c) => (text.out += c));
  err.on('data', (c) => (text.err += c));
  return { io: { out, err }, text };
}

async function torch(args: string[]) {
  const { io, text } = capture();
  const code = await torchStatisticsCommand(app, args, io, TODAY);
  return { code, ...text };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jcv-torch-'));
  db = await freshDatabase();
  app = await NestFactory.createApplicationContext(
    StatisticsCliModule.forRoot(testConfig(db.env)),
    {
      logger: false,
      abortOnError: false,
    },
  );
  const ds = app.get(DataSource);
  const [park] = await ds.query(
    `INSERT INTO parks (code, name) VALUES ('TORCH-CLI', '火炬园区') RETURNING id`,
  );
  const [zone] = await ds.query(
    `INSERT INTO zones (park_id, code, name, kind) VALUES ($1, 'TC', '起步区', 'STARTUP') RETURNING id`,
    [park.id],
  );
  const [building] = await ds.query(
    `INSERT INTO buildings (zone_id, code, name) VALUES ($1, 'T1', '一号楼') RETURNING id`,
    [zone.id],
  );
  const units = await ds.query(
    `INSERT INTO units (building_id, code, floor, kind, area, monthly_rent_per_sqm)
     VALUES ($1, '101', 1, 'OFFICE', 80, 40), ($1, '102', 1, 'OFFICE', 20, 40) RETURNING id`,
    [building.id],
  );
  const [tenant] = await ds.query(
    `INSERT INTO tenants (name, kind, zone_id, industry_chain, is_tech_firm, entered_on, status)
     VALUES ('命令行团队', 'TEAM', $1, 'AI_PLUS', true, '2024-01-01', 'RESIDENT') RETURNING id`,
    [zone.id],
  );
  await ds.query(
    `INSERT INTO leases (unit_id, tenant_id, start_date, end_date, monthly_rent)
     VALUES ($1, $2, '2024-01-01', '2027-12-31', 2000)`,
    [units[0].id, tenant.id],
  );
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run statistics:torch', () => {
  it('writes the workbook of the year to --out and says where', async () => {
    const out = join(dir, 'torch.xlsx');
    const run = await torch(['--year', '2025', '--out', out]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe(`wrote the 2025 Torch statistics (1 incubated firm) to ${out}\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '孵化器 Incubator',
      '在孵企业 Incubated firms',
      '审核 Checks',
    ]);
    const figures = wb.getWorksheet('孵化器 Incubator')!;
    const values = new Map<string, unknown>();
    figures.eachRow((row) => values.set(String(row.getCell(4).value), row.getCell(3).value));
    expect(values.get('totalArea')).toBe(100);
    expect(values.get('incubatedFirmsArea')).toBe(80);
    expect(values.get('incubatedFirms')).toBe(1);
    expect(wb.getWorksheet('在孵企业 Incubated firms')!.getRow(2).getCell(2).value).toBe(
      '命令行团队',
    );
  });

  it('writes torch-statistics-YYYY.xlsx by default', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = await torch(['--year=2025']);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/ to torch-statistics-2025\.xlsx\n$/);
      expect(readFileSync(join(dir, 'torch-statistics-2025.xlsx')).length).toBeGreaterThan(0);
    } finally {
      process.chdir(cwd);
    }
  });

  it.each([[[]], [['--year', '25']], [['--year', 'next']], [['--yeer', '2025']]])(
    'exits 2 with the usage on %j',
    async (args) => {
      const run = await torch(args);
      expect(run.code).toBe(2);
      expect(run.err).toContain('usage: npm run statistics:torch -- --year YYYY');
    },
  );

  it('exits 1 naming what the statistics refuse: a year to come, an unknown park', async () => {
    const future = await torch(['--year', '2027']);
    expect(future).toMatchObject({ code: 1, err: '2027: refused: year has not begun yet\n' });
    const park = await torch(['--year', '2025', '--park', '00000000-0000-4000-8000-000000000000']);
    expect(park).toMatchObject({ code: 1, err: '2025: refused: parkId is not a known park\n' });
  });
});
