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

  it('refuses a bootstrap password shorter than 12 characters', () => {
    expect(() => loadConfig({ DATA_DIR: 'memory://', BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(
      /at least 12/,
    );
  });
});
