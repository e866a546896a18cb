import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, DEMO_ADMIN, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has development defaults: embedded database, demo data, the documented demo admin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jcv-config-'));
    try {
      const c = loadConfig({ DATA_DIR: dir });
      expect(c).toMatchObject({
        nodeEnv: 'development',
        port: 3000,
        databaseUrl: undefined,
        seedDemo: true,
        bootstrapAdminEmail: DEMO_ADMIN.email,
      });
      // The development JWT secret is made once and kept, so tokens outlive a restart.
      expect(c.jwtSecret).toBe(readFileSync(join(dir, 'jwt-secret'), 'utf8'));
      expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(c.jwtSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SEED_DEMO: 'maybe',
      });
      throw new Error('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'SEED_DEMO', 'JWT_SECRET'])
        expect(problems).toContain(name);
    }
  });

  it('reads DEMO_TODAY as a calendar day and refuses anything else', () => {
    expect(loadConfig({ DATA_DIR: 'memory://', DEMO_TODAY: '2026-02-15' }).demoToday).toBe(
      '2026-02-15',
    );
    expect(loadConfig({ DATA_DIR: 'memory://' }).demoToday).toBeUndefined();
    for (const raw of ['2026-02-30', '15/02/2026', 'today'])
      expect(() => loadConfig({ DATA_DIR: 'memory://', DEMO_TODAY: raw })).toThrow(
        `DEMO_TODAY must be a date YYYY-MM-DD, got "${raw}"`,
      );
  });

  it('refuses a bootstrap password shorter than 12 characters', () => {
    expect(() => loadConfig({ DATA_DIR: 'memory://', BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(
      /at least 12/,
    );
  });

  it('reads CORS_ORIGINS as a list of origins and refuses what is not an origin', () => {
    const c = loadConfig({
      DATA_DIR: 'memory://',
      CORS_ORIGINS: 'https://dash.example.cn, http://127.0.0.1:8080/',
    });
    expect(c.corsOrigins).toEqual(['https://dash.example.cn', 'http://127.0.0.1:8080']);
    expect(loadConfig({ DATA_DIR: 'memory://' }).corsOrigins).toEqual([]);
    expect(() =>
      loadConfig({ DATA_DIR: 'memory://', CORS_ORIGINS: 'https://a.example/path,*' }),
    ).toThrow(/CORS_ORIGINS: https:\/\/a.example\/path is not an origin/);
  });

  it('runs the worker in the API process on the embedded database only', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).workerInProcess).toBe(true);
    expect(
      loadConfig({ DATA_DIR: 'memory://', DATABASE_URL: 'postgres://x@127.0.0.1/db' })
        .workerInProcess,
    ).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', WORKER_IN_PROCESS: 'true' })
        .workerInProcess,
    ).toBe(true);
  });

  it('reads BILL_DUE_DAY as a day from 1 to 28, the 15th by default', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).billDueDay).toBe(15);
    expect(loadConfig({ DATA_DIR: 'memory://', BILL_DUE_DAY: '28' }).billDueDay).toBe(28);
    for (const raw of ['0', '29', '10.5', 'soon'])
      expect(() => loadConfig({ DATA_DIR: 'memory://', BILL_DUE_DAY: raw })).toThrow(
        `BILL_DUE_DAY must be a whole number from 1 to 28, got "${raw}"`,
      );
  });

  it('reads INCUBATION_MONTHS as 1 to 240 months, 48 by default', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).incubationMonths).toBe(48);
    for (const [raw, months] of [
      ['1', 1],
      ['36', 36],
      ['240', 240],
    ] as const)
      expect(loadConfig({ DATA_DIR: 'memory://', INCUBATION_MONTHS: raw }).incubationMonths).toBe(
        months,
      );
    for (const raw of ['0', '241', '-12', '48.5', 'four years'])
      expect(() => loadConfig({ DATA_DIR: 'memory://', INCUBATION_MONTHS: raw })).toThrow(
        `INCUBATION_MONTHS must be a whole number from 1 to 240, got "${raw}"`,
      );
  });

  it('reads ANNUAL_REPORT_DUE as a day of the year MM-DD, 31 January by default', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).annualReportDue).toBe('01-31');
    for (const raw of ['03-31', '12-31', '02-28', '01-01'])
      expect(loadConfig({ DATA_DIR: 'memory://', ANNUAL_REPORT_DUE: raw }).annualReportDue).toBe(
        raw,
      );
    for (const raw of ['02-29', '02-30', '04-31', '13-01', '00-10', '1-31', '01-31-2026', 'soon'])
      expect(() => loadConfig({ DATA_DIR: 'memory://', ANNUAL_REPORT_DUE: raw })).toThrow(
        `ANNUAL_REPORT_DUE must be a day of the year MM-DD (not 02-29), got "${raw}"`,
      );
  });
});
