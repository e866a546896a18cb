import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

// Facts for the milestone suites: firms, certificates, projects and output reports.

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code with a right GB 32100-2015 check character. */
export function creditCode(): string {
  const bytes = randomBytes(9);
  const body = '91141100' + [...bytes].map((b) => CODE_CHARS[b % 31]).join('');
  const sum = [...body].reduce((s, c, i) => s + CODE_CHARS.indexOf(c) * CODE_WEIGHTS[i], 0);
  return body + CODE_CHARS[(31 - (sum % 31)) % 31];
}

let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}-${randomBytes(3).toString('hex')}`;

export interface Zones {
  startup: string;
  expansion: string;
}

export class MilestoneFixtures {
  constructor(private readonly t: TestApp) {}

  async zones(): Promise<Zones> {
    const token = await this.t.adminToken();
    const { zones } = await this.t.ok<{ zones: { id: string; code: string }[] }>(
      `{ zones { id code } }`,
      {},
      token,
    );
    return {
      startup: zones.find((z) => z.code === 'STARTUP')!.id,
      expansion: zones.find((z) => z.code === 'EXPANSION')!.id,
    };
  }

  async setTarget(year: number, metric: string, zoneId: string | null, target: string) {
    const { setMilestoneTarget } = await this.t.ok<{ setMilestoneTarget: { id: string } }>(
      `mutation($input: MilestoneTargetInput!) { setMilestoneTarget(input: $input) { id } }`,
      { input: { year, metric, zoneId, target, source: 'test' } },
      await this.t.adminToken(),
    );
    return setMilestoneTarget.id;
  }

  async firm(
    zoneId: string,
    enteredOn: string,
    opts: { tech?: boolean; name?: string; exitedOn?: string } = {},
  ): Promise<string> {
    const [{ id }] = await this.t.dataSource.query(
      `INSERT INTO tenants (name, kind, credit_code, zone_id, industry_chain, is_tech_firm, entered_on)
       VALUES ($1, 'FIRM', $2, $3, 'AI_PLUS', $4, $5) RETURNING id`,
      [opts.name ?? unique('Firm'), creditCode(), zoneId, opts.tech ?? true, enteredOn],
    );
    if (opts.exitedOn) {
      await this.t.dataSource.query(
        `UPDATE tenants SET exited_on = $2, status = 'EXITED' WHERE id = $1`,
        [id, opts.exitedOn],
      );
    }
    return id;
  }

  async certify(tenantId: string, kind: string, issuedOn: string, expiresOn?: string) {
    await this.t.dataSource.query(
      `INSERT INTO certifications (tenant_id, kind, certificate_no, issued_on, expires_on)
       VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, kind, unique('GR'), issuedOn, expiresOn ?? null],
    );
  }

  async project(tenantId: string, cultivatedOn: string) {
    await this.t.dataSource.query(
      `INSERT INTO industrialization_projects (tenant_id, zone_id, name, stage, cultivated_on)
       SELECT id, zone_id, $2, 'PILOT', $3 FROM tenants WHERE id = $1`,
      [tenantId, unique('Project'), cultivatedOn],
    );
  }

  /** Submits (or resubmits) a month's report; returns the new revision's id. */
  async report(tenantId: string, period: string, outputValue: string): Promise<string> {
    return this.t.dataSource.transaction(async (em) => {
      const [prev] = await em.query(
        `UPDATE output_reports SET latest = false WHERE tenant_id = $1 AND period = $2 AND latest
         RETURNING revision`,
        [tenantId, period],
      );
      const revision = (prev?.[0]?.revision ?? 0) + 1;
      const [{ id }] = await em.query(
        `INSERT INTO output_reports (tenant_id, period, revision, output_value, revenue, rd_expense,
           employees, patents_filed, patents_granted)
         VALUES ($1, $2, $3, $4, $4, 0, 10, 0, 0) RETURNING id`,
        [tenantId, period, revision, outputValue],
      );
      return id;
    });
  }

  async review(reportId: string, decision: 'ACCEPT' | 'RETURN') {
    await this.t.dataSource.query(`UPDATE output_reports SET status = $2 WHERE id = $1`, [
      reportId,
      decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED',
    ]);
  }
}
