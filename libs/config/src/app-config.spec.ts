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

  it('reads the mail settings: SMTP_URL off by default, smtp:// or smtps:// only', () => {
    const base = loadConfig({ DATA_DIR: 'memory://' });
    expect(base.smtpUrl).toBeUndefined();
    expect(base.mailFrom).toContain('no-reply@');
    expect(base.publicUrl).toBe('http://localhost:3000');
    expect(
      loadConfig({ DATA_DIR: 'memory://', SMTP_URL: 'smtps://u:p@mail.example.cn:465' }).smtpUrl,
    ).toBe('smtps://u:p@mail.example.cn:465');
    expect(loadConfig({ DATA_DIR: 'memory://', PORT: '8080' }).publicUrl).toBe(
      'http://localhost:8080',
    );
    expect(
      loadConfig({ DATA_DIR: 'memory://', PUBLIC_URL: 'https://park.example.cn/console/' })
        .publicUrl,
    ).toBe('https://park.example.cn/console');
    for (const raw of ['http://mail.example.cn', 'mail.example.cn:25', 'smtp://'])
      expect(() => loadConfig({ DATA_DIR: 'memory://', SMTP_URL: raw })).toThrow(
        'SMTP_URL must be an smtp:// or smtps:// URL with a host',
      );
    expect(() => loadConfig({ DATA_DIR: 'memory://', PUBLIC_URL: 'park.example.cn' })).toThrow(
      'PUBLIC_URL must be an http:// or https:// URL, got "park.example.cn"',
    );
  });

  it('reads the webhook settings, and never allows insecure webhooks in production', () => {
    const base = loadConfig({ DATA_DIR: 'memory://' });
    expect([base.webhookAllowInsecure, base.webhookAllowedHosts, base.deliveryPollMs]).toEqual([
      false,
      [],
      1000,
    ]);
    const set = loadConfig({
      DATA_DIR: 'memory://',
      WEBHOOK_ALLOW_INSECURE: 'true',
      WEBHOOK_ALLOWED_HOSTS: ' Stats.Intranet.example , ,erp.local',
      DELIVERY_POLL_MS: '250',
    });
    expect([set.webhookAllowInsecure, set.webhookAllowedHosts, set.deliveryPollMs]).toEqual([
      true,
      ['stats.intranet.example', 'erp.local'],
      250,
    ]);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        BOOTSTRAP_ADMIN_EMAIL: 'a@b.cn',
        BOOTSTRAP_ADMIN_PASSWORD: 'a-long-password',
        DATA_DIR: 'memory://',
        WEBHOOK_ALLOW_INSECURE: 'true',
      }),
    ).toThrow('WEBHOOK_ALLOW_INSECURE cannot be on in production');
    expect(() => loadConfig({ DATA_DIR: 'memory://', DELIVERY_POLL_MS: '10' })).toThrow(
      'DELIVERY_POLL_MS must be a whole number from 50 to 600000, got "10"',
    );
  });

  it('reads DATABASE_POOL_SIZE, 10 by default; the embedded database keeps its one connection', async () => {
    const server = 'postgres://app@10.0.0.1/jcv';
    expect(loadConfig({ DATA_DIR: 'memory://', DATABASE_URL: server }).databasePoolSize).toBe(10);
    const forty = loadConfig({
      DATA_DIR: 'memory://',
      DATABASE_URL: server,
      DATABASE_POOL_SIZE: '40',
    });
    expect(forty.databasePoolSize).toBe(40);
    for (const bad of ['0', '2.5', 'many', '501']) {
      expect(() =>
        loadConfig({ DATA_DIR: 'memory://', DATABASE_URL: server, DATABASE_POOL_SIZE: bad }),
      ).toThrow(`DATABASE_POOL_SIZE must be a whole number from 1 to 500, got "${bad}"`);
    }
    const { dataSourceOptions } = await import('@jcv/database');
    const pool = (embedded: boolean, poolSize?: number) =>
      (dataSourceOptions({ url: server, embedded, poolSize }) as { poolSize?: number }).poolSize;
    expect([pool(false), pool(false, 40), pool(true, 40)]).toEqual([10, 40, 1]);
  });

  it('reads DATABASE_REPLICA_URLS as postgres:// URLs beside a server, never the embedded one', () => {
    const server = 'postgres://app@10.0.0.1/jcv';
    const none = loadConfig({ DATA_DIR: 'memory://', DATABASE_URL: server });
    expect([none.databaseReplicaUrls, none.replicaStickySeconds]).toEqual([[], 5]);
    const two = loadConfig({
      DATA_DIR: 'memory://',
      DATABASE_URL: server,
      DATABASE_REPLICA_URLS: ' postgres://app@10.0.0.2/jcv, ,postgresql://app@10.0.0.3:5433/jcv',
      REPLICA_STICKY_SECONDS: '0',
    });
    expect([two.databaseReplicaUrls, two.replicaStickySeconds]).toEqual([
      ['postgres://app@10.0.0.2/jcv', 'postgresql://app@10.0.0.3:5433/jcv'],
      0,
    ]);
    expect(() =>
      loadConfig({ DATA_DIR: 'memory://', DATABASE_REPLICA_URLS: 'postgres://app@10.0.0.2/jcv' }),
    ).toThrow('DATABASE_REPLICA_URLS needs DATABASE_URL');
    expect(() =>
      loadConfig({
        DATA_DIR: 'memory://',
        DATABASE_URL: server,
        DATABASE_REPLICA_URLS: 'mysql://app:secret@10.0.0.2/jcv',
      }),
    ).toThrow('DATABASE_REPLICA_URLS must be postgres:// URLs with a host');
    expect(() =>
      loadConfig({ DATA_DIR: 'memory://', DATABASE_URL: server, REPLICA_STICKY_SECONDS: '-1' }),
    ).toThrow('REPLICA_STICKY_SECONDS must be a whole number from 0 to 3600, got "-1"');
  });
});
