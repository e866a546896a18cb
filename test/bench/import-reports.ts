// Import speed of `npm run import:reports` on a generated file of monthly reports.
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//     node dist/test/bench/import-reports.js [--rows 100000] [--format csv|xlsx|both] [--keep]
// Works in a fresh schema of its own (dropped at the end unless --keep), with rows / 50 firms
// reporting 50 months each; the file is written to the system's temporary directory. The first
// import writes new months; the second format's import makes every month a new revision.
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import { loadConfig } from '@jcv/config';
import { openDataSource } from '@jcv/database';
import { databaseUrl, parseArgs, prng } from './bench-config.js';

const MONTHS_EACH = 50;
const FIRST_MONTH = { year: 2022, month: 1 };
const HEADER = [
  '统一社会信用代码 Credit code',
  '月份 Period (YYYY-MM)',
  '产值（元） Output value (yuan)',
  '营业收入（元） Revenue (yuan)',
  '研发投入（元） R&D expense (yuan)',
  '从业人员（人） Employees',
  '专利申请（件） Patents filed',
  '专利授权（件） Patents granted',
];

const period = (i: number) => {
  const index = FIRST_MONTH.year * 12 + FIRST_MONTH.month - 1 + i;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

function* rows(codes: string[], rand: () => number) {
  for (const code of codes) {
    for (let m = 0; m < MONTHS_EACH; m++) {
      const output = Math.floor(rand() * 5_000_000_00) / 100;
      yield [
        code,
        period(m),
        output.toFixed(2),
        (output * 0.8).toFixed(2),
        (output * 0.06).toFixed(2),
        5 + Math.floor(rand() * 200),
        Math.floor(rand() * 4),
        Math.floor(rand() * 2),
      ] as (string | number)[];
    }
  }
}

async function writeCsv(file: string, codes: string[]) {
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(HEADER.join(',') + '\n');
  let buffer = '';
  for (const r of rows(codes, prng(7))) {
    buffer += r.join(',') + '\n';
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((r) => out.end(() => r()));
}

async function writeXlsx(file: string, codes: string[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = wb.addWorksheet('产值月报');
  sheet.addRow(HEADER).commit();
  for (const r of rows(codes, prng(11))) {
    sheet.addRow(r.map((v, i) => (i >= 2 && i <= 4 ? Number(v) : v))).commit();
  }
  sheet.commit();
  await wb.commit();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const url = databaseUrl();
  const total = Number(args.rows ?? 100_000);
  const formats = (args.format ?? 'csv') === 'both' ? ['csv', 'xlsx'] : [args.format ?? 'csv'];
  const firms = Math.ceil(total / MONTHS_EACH);
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const env = { ...process.env, DATABASE_URL: url, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn' };
    const ds = await openDataSource(loadConfig(env));
    const rand = prng(3);
    const codes = Array.from({ length: firms }, (_, i) => {
      let body = '91141100';
      while (body.length < 17)
        body += CREDIT_CODE_CHARSET[Math.floor(rand() * CREDIT_CODE_CHARSET.length)];
      return withCheckChar(body.slice(0, 11) + String(i).padStart(6, '0'));
    });
    await ds.query(`INSERT INTO parks (code, name) VALUES ('BENCH', 'bench park')`);
    await ds.query(
      `INSERT INTO zones (park_id, code, name, kind) SELECT id, 'STARTUP', 'bench zone', 'STARTUP' FROM parks`,
    );
    await ds.query(
      `INSERT INTO tenants (name, kind, credit_code, zone_id, industry_chain, is_tech_firm, entered_on)
       SELECT 'bench firm ' || n, 'FIRM', code, (SELECT id FROM zones LIMIT 1), 'OTHER', true, '2021-12-01'
       FROM unnest($1::text[]) WITH ORDINALITY AS c(code, n)`,
      [codes],
    );
    await ds.destroy();

    const cli = fileURLToPath(
      new URL('../../libs/reporting/src/cli/import-reports.js', import.meta.url),
    );
    console.log(
      `${firms} firms x ${MONTHS_EACH} months = ${firms * MONTHS_EACH} rows, schema ${schema}`,
    );
    for (const format of formats) {
      const file = join(tmpdir(), `jcv-bench-reports-${total}.${format}`);
      const t0 = Date.now();
      await (format === 'csv' ? writeCsv(file, codes) : writeXlsx(file, codes));
      const mb = (statSync(file).size / 1e6).toFixed(1);
      console.log(
        `\n${format}: generated ${file} (${mb} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      console.log(`$ node ${cli} ${file}`);
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [cli, file], {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(run.stdout);
      if (run.status !== 0) throw new Error(`the import exited ${run.status}`);
      console.log(
        `${format}: whole command (start-up, migrations check, import) ${seconds.toFixed(2)} s, ${Math.round((firms * MONTHS_EACH) / seconds)} rows/s`,
      );
      rmSync(file, { force: true });
    }
  } finally {
    if (args.keep !== 'true') await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
