import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  production: boolean;
  port: number;
  /** A PostgreSQL server; undefined means the embedded database under dataDir. */
  databaseUrl?: string;
  /** A directory, or "memory://" for a throwaway embedded database. */
  dataDir: string;
  /** Schema for the product's tables on a server; unset means the server's default (public). */
  databaseSchema?: string;
  /**
   * Streaming replicas of the server (DATABASE_REPLICA_URLS, comma-separated postgres:// URLs):
   * the reads of GraphQL queries outside a transaction go to one of them; none by default.
   */
  databaseReplicaUrls: string[];
  /**
   * Seconds after a user's own mutation during which that user's reads stay on the primary
   * (REPLICA_STICKY_SECONDS), so that a replica's lag never hides what the user just wrote.
   */
  replicaStickySeconds: number;
  /**
   * Connections of the pool to the server (DATABASE_POOL_SIZE, 1–500), each replica's too; the
   * embedded database has one session, so one connection whatever this says.
   */
  databasePoolSize: number;
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtlSeconds: number;
  /**
   * The console's build served at `/` (CONSOLE_DIR); left out, dist/console beside the API's
   * build. A folder without index.html serves no console.
   */
  consoleDir: string | undefined;
  refreshTokenTtlDays: number;
  bootstrapAdminEmail?: string;
  bootstrapAdminPassword?: string;
  seedDemo: boolean;
  /** The day the demo park is made up to (DEMO_TODAY); unset: today in Asia/Shanghai. */
  demoToday?: string;
  logLevel: string;
  /** Largest HTTP request body, e.g. "10mb" (report imports travel in the body). */
  bodyLimit: string;
  /** Count SQL statements per request into the `x-sql-statements` response header. */
  sqlStatementCount: boolean;
  /** Origins whose pages may call the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** Run the worker's scheduled jobs inside the API process (the default on the embedded database). */
  workerInProcess: boolean;
  /** Hour of the day (0–23, Asia/Shanghai) of the scheduled jobs' daily run. */
  workerRunHour: number;
  /** Day of its month (1–28) by which a rent bill is due (BILL_DUE_DAY). */
  billDueDay: number;
  /** Months of a firm's incubation period from its entry (INCUBATION_MONTHS, 1–240). */
  incubationMonths: number;
  /** Day of Y+1, "MM-DD", by which a firm's annual report for Y is due (ANNUAL_REPORT_DUE). */
  annualReportDue: string;
  /**
   * Where notifications are sent as e-mail (SMTP_URL, e.g. smtp://user:pass@host:587, smtps://
   * for TLS from the start); unset: no e-mail, notifications stay in the console.
   */
  smtpUrl?: string;
  /** The From of those e-mails (MAIL_FROM). */
  mailFrom: string;
  /** The console's address as users reach it (PUBLIC_URL), for the links in e-mails. */
  publicUrl: string;
  /** Allow http:// webhook URLs on loopback hosts (WEBHOOK_ALLOW_INSECURE; tests, development). */
  webhookAllowInsecure: boolean;
  /** Host names whose private addresses webhooks may reach (WEBHOOK_ALLOWED_HOSTS, comma-separated). */
  webhookAllowedHosts: string[];
  /** How often the worker looks for e-mails and webhook deliveries to send (DELIVERY_POLL_MS). */
  deliveryPollMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The documented demo admin of development; never used in production. */
export const DEMO_ADMIN = { email: 'admin@jcv.example', password: 'demo-admin-password' };

const ENVS: NodeEnv[] = ['development', 'production', 'test'];

function bool(
  name: string,
  raw: string | undefined,
  fallback: boolean,
  problems: string[],
): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function int(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return n;
}

/**
 * Reads and checks the configuration. In production the secrets have no defaults: a missing
 * JWT_SECRET stops start-up with a message naming it. In development the JWT secret is made
 * once and kept under DATA_DIR so that tokens survive a restart.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV || 'development') as NodeEnv;
  if (!ENVS.includes(nodeEnv))
    problems.push(`NODE_ENV must be one of ${ENVS.join(', ')}, got "${env.NODE_ENV}"`);
  const production = nodeEnv === 'production';

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const rawDataDir = env.DATA_DIR || './data';
  const dataDir = rawDataDir.startsWith('memory://') ? rawDataDir : resolve(rawDataDir);
  const databaseSchema = env.DATABASE_SCHEMA || undefined;
  if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push('DATABASE_SCHEMA must be a lower-case SQL identifier');
  }
  const databaseReplicaUrls = replicaUrls(env.DATABASE_REPLICA_URLS, problems);
  // A replica streams from a server; the embedded database has none to stream from.
  if (databaseReplicaUrls.length && !databaseUrl)
    problems.push(
      'DATABASE_REPLICA_URLS needs DATABASE_URL (the embedded database has no replicas)',
    );

  const jwtSecret = env.JWT_SECRET || '';
  if (jwtSecret && jwtSecret.length < 32)
    problems.push('JWT_SECRET must be at least 32 characters');
  if (!jwtSecret && production) problems.push('JWT_SECRET is required in production');

  const bootstrapAdminEmail =
    env.BOOTSTRAP_ADMIN_EMAIL || (production ? undefined : DEMO_ADMIN.email);
  const bootstrapAdminPassword =
    env.BOOTSTRAP_ADMIN_PASSWORD || (production ? undefined : DEMO_ADMIN.password);
  if (bootstrapAdminPassword && bootstrapAdminPassword.length < 12) {
    problems.push('BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters');
  }
  if (bootstrapAdminPassword && !bootstrapAdminEmail) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL is required with BOOTSTRAP_ADMIN_PASSWORD');
  }

  const seedDemo = bool('SEED_DEMO', env.SEED_DEMO, !production && nodeEnv !== 'test', problems);
  if (production && seedDemo) problems.push('SEED_DEMO cannot be on in production');
  const demoToday = env.DEMO_TODAY || undefined;
  if (demoToday && !isCalendarDay(demoToday))
    problems.push(`DEMO_TODAY must be a date YYYY-MM-DD, got "${demoToday}"`);

  const config: AppConfig = {
    nodeEnv,
    production,
    port: int('PORT', env.PORT, 3000, 0, 65535, problems),
    consoleDir: env.CONSOLE_DIR ? resolve(env.CONSOLE_DIR) : undefined,
    databaseUrl,
    dataDir,
    databaseSchema,
    databaseReplicaUrls,
    replicaStickySeconds: int(
      'REPLICA_STICKY_SECONDS',
      env.REPLICA_STICKY_SECONDS,
      5,
      0,
      3600,
      problems,
    ),
    databasePoolSize: int('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, 1, 500, problems),
    jwtSecret,
    jwtIssuer: env.JWT_ISSUER || 'jcv-platform',
    jwtAudience: env.JWT_AUDIENCE || 'jcv-api',
    accessTokenTtlSeconds: int(
      'ACCESS_TOKEN_TTL_SECONDS',
      env.ACCESS_TOKEN_TTL_SECONDS,
      900,
      30,
      86400,
      problems,
    ),
    refreshTokenTtlDays: int(
      'REFRESH_TOKEN_TTL_DAYS',
      env.REFRESH_TOKEN_TTL_DAYS,
      14,
      1,
      365,
      problems,
    ),
    bootstrapAdminEmail,
    bootstrapAdminPassword,
    seedDemo,
    demoToday,
    logLevel: env.LOG_LEVEL || (production ? 'info' : nodeEnv === 'test' ? 'silent' : 'info'),
    bodyLimit: env.BODY_LIMIT || '10mb',
    sqlStatementCount: bool('SQL_STATEMENT_COUNT', env.SQL_STATEMENT_COUNT, false, problems),
    corsOrigins: origins(env.CORS_ORIGINS, problems),
    // One process holds an embedded database's files, so the worker cannot run beside the API.
    // Tests start the jobs themselves when they want them.
    workerInProcess: bool(
      'WORKER_IN_PROCESS',
      env.WORKER_IN_PROCESS,
      !databaseUrl && nodeEnv !== 'test',
      problems,
    ),
    workerRunHour: int('WORKER_RUN_HOUR', env.WORKER_RUN_HOUR, 23, 0, 23, problems),
    billDueDay: int('BILL_DUE_DAY', env.BILL_DUE_DAY, 15, 1, 28, problems),
    incubationMonths: int('INCUBATION_MONTHS', env.INCUBATION_MONTHS, 48, 1, 240, problems),
    annualReportDue: monthDay('ANNUAL_REPORT_DUE', env.ANNUAL_REPORT_DUE, '01-31', problems),
    smtpUrl: smtpUrl(env.SMTP_URL, problems),
    mailFrom: env.MAIL_FROM || '晋创谷·吕梁 <no-reply@jcv.example>',
    publicUrl: publicUrl(env.PUBLIC_URL, env.PORT, problems),
    webhookAllowInsecure: bool(
      'WEBHOOK_ALLOW_INSECURE',
      env.WEBHOOK_ALLOW_INSECURE,
      false,
      problems,
    ),
    webhookAllowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    deliveryPollMs: int('DELIVERY_POLL_MS', env.DELIVERY_POLL_MS, 1000, 50, 600_000, problems),
  };
  if (production && config.webhookAllowInsecure)
    problems.push('WEBHOOK_ALLOW_INSECURE cannot be on in production');
  if (problems.length) throw new ConfigError(problems);
  if (!config.jwtSecret) config.jwtSecret = developmentSecret(dataDir);
  return config;
}

function isCalendarDay(raw: string): boolean {
  const d = new Date(`${raw}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !isNaN(d.getTime()) && d.toISOString().startsWith(raw);
}

/** A day of every year, "MM-DD": a real day of a year that is not a leap year (no 29 February). */
function monthDay(
  name: string,
  raw: string | undefined,
  fallback: string,
  problems: string[],
): string {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{2}-\d{2}$/.test(raw) || !isCalendarDay(`2025-${raw}`)) {
    problems.push(`${name} must be a day of the year MM-DD (not 02-29), got "${raw}"`);
    return fallback;
  }
  return raw;
}

/** SMTP_URL: smtp:// or smtps://, with a host. */
function smtpUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (!raw) return undefined;
  let ok: boolean;
  try {
    const url = new URL(raw);
    ok = /^smtps?:$/.test(url.protocol) && !!url.hostname;
  } catch {
    ok = false;
  }
  if (!ok) problems.push('SMTP_URL must be an smtp:// or smtps:// URL with a host');
  return ok ? raw : undefined;
}

/** PUBLIC_URL: http(s)://host[:port][/path], without a trailing slash; left out, localhost:PORT. */
function publicUrl(raw: string | undefined, port: string | undefined, problems: string[]): string {
  if (!raw) return `http://localhost:${port || 3000}`;
  try {
    const url = new URL(raw);
    if (/^https?:$/.test(url.protocol)) return raw.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  return raw;
}

/** DATABASE_REPLICA_URLS: comma-separated postgres:// URLs, each with a host. */
function replicaUrls(raw: string | undefined, problems: string[]): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const url of list) {
    let ok: boolean;
    try {
      const parsed = new URL(url);
      ok = /^postgres(ql)?:$/.test(parsed.protocol) && !!parsed.hostname;
    } catch {
      ok = false;
    }
    // The URL itself is not repeated: it may carry a password.
    if (!ok) problems.push('DATABASE_REPLICA_URLS must be postgres:// URLs with a host');
  }
  return list;
}

/** CORS_ORIGINS: a comma-separated list of origins such as https://dash.example.cn. */
function origins(raw: string | undefined, problems: string[]): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list) {
    let ok: boolean;
    try {
      const url = new URL(origin);
      ok = /^https?:$/.test(url.protocol) && url.origin === origin.replace(/\/$/, '');
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`CORS_ORIGINS: ${origin} is not an origin (scheme://host[:port])`);
  }
  return list.map((o) => o.replace(/\/$/, ''));
}

function developmentSecret(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return randomBytes(48).toString('base64url');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
