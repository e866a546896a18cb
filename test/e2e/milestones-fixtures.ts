import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/test-app.js';

// Facts for the milestone suites, made through the API as the committee makes them: firms,
// certificates, projects, output reports and their review.

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

  private async mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.t.ok<T>(query, variables, await this.t.adminToken());
  }

  /** Registers a firm (a technology firm unless `tech: false`), and its exit when given. */
  async firm(
    zoneId: string,
    enteredOn: string,
    opts: { tech?: boolean; name?: string; exitedOn?: string } = {},
  ): Promise<string> {
    const { registerTenant } = await this.mutate<{ registerTenant: { id: string } }>(
      `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
      {
        input: {
          name: opts.name ?? unique('Firm'),
          kind: 'FIRM',
          creditCode: creditCode(),
          zoneId,
          industryChain: 'AI_PLUS',
          isTechFirm: opts.tech ?? true,
          enteredOn,
        },
      },
    );
    if (opts.exitedOn) {
      await this.mutate(`mutation($input: ExitTenantInput!) { exitTenant(input: $input) { id } }`, {
        input: { tenantId: registerTenant.id, exitedOn: opts.exitedOn, status: 'EXITED' },
      });
    }
    return registerTenant.id;
  }

  async certify(tenantId: string, kind: string, issuedOn: string, expiresOn?: string) {
    await this.mutate(
      `mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`,
      { input: { tenantId, kind, certificateNo: unique('GR'), issuedOn, expiresOn } },
    );
  }

  /** A project of the firm, counted in the firm's zone. */
  async project(tenantId: string, cultivatedOn: string) {
    await this.mutate(
      `mutation($input: RecordProjectInput!) { recordIndustrializationProject(input: $input) { id } }`,
      { input: { tenantId, name: unique('Project'), stage: 'PILOT', cultivatedOn } },
    );
  }

  /** Submits (or resubmits) a month's report; returns the new revision's id. */
  async report(tenantId: string, period: string, outputValue: string): Promise<string> {
    const { submitOutputReport } = await this.mutate<{ submitOutputReport: { id: string } }>(
      `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id } }`,
      {
        input: {
          tenantId,
          period,
          outputValue,
          revenue: outputValue,
          rdExpense: '0',
          employees: 10,
          patentsFiled: 0,
          patentsGranted: 0,
        },
      },
    );
    return submitOutputReport.id;
  }

  /** A unit in service in a building of the zone (one building per zone and suite). */
  async unit(zoneId: string, area: string): Promise<string> {
    let building = this.buildings.get(zoneId);
    if (!building) {
      const { createBuilding } = await this.mutate<{ createBuilding: { id: string } }>(
        `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
        { input: { zoneId, code: unique('B').replace(/\W/g, ''), name: unique('Building') } },
      );
      building = createBuilding.id;
      this.buildings.set(zoneId, building);
    }
    const { createUnit } = await this.mutate<{ createUnit: { id: string } }>(
      `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`,
      {
        input: {
          buildingId: building,
          code: unique('U').replace(/\W/g, ''),
          floor: 1,
          kind: 'OFFICE',
          area,
          monthlyRentPerSqm: '30',
        },
      },
    );
    return createUnit.id;
  }
  private readonly buildings = new Map<string, string>();

  async lease(unitId: string, tenantId: string, startDate: string, endDate: string) {
    await this.mutate(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
      { input: { unitId, tenantId, startDate, endDate } },
    );
  }

  /**
   * A grant decided on `decidedOn` (Asia/Shanghai): applied and approved through the API, then
   * its decision moved to that day, as if the committee had decided it then.
   */
  async grant(tenantId: string, amount: string, decidedOn: string) {
    const { createPolicy } = await this.mutate<{ createPolicy: { id: string } }>(
      `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }`,
      {
        input: {
          code: unique('P').replace(/\W/g, '_').toUpperCase(),
          title: 'Rent subsidy',
          kind: 'RENT_SUBSIDY',
          basis: '《吕梁市支持科技创新若干措施》',
          budget: '1000000.00',
          validFrom: '2025-01-01',
          eligibility: {},
        },
      },
    );
    const { applyForBenefit } = await this.mutate<{ applyForBenefit: { id: string } }>(
      `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
      {
        input: {
          policyId: createPolicy.id,
          tenantId,
          requestedAmount: amount,
          justification: 'Rent of the year',
        },
      },
    );
    await this.mutate(
      `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) { id } }`,
      { input: { id: applyForBenefit.id, approve: true } },
    );
    await this.t.dataSource.query(
      `UPDATE benefit_applications SET submitted_at = $2::timestamptz, decided_at = $2::timestamptz
        WHERE id = $1`,
      [applyForBenefit.id, `${decidedOn}T10:00:00+08:00`],
    );
  }

  /** A request opened at `openedOn` 09:00 in Asia/Shanghai (opened now, then moved there). */
  async openRequest(tenantId: string, openedOn: string): Promise<string> {
    const { openServiceRequest } = await this.mutate<{ openServiceRequest: { id: string } }>(
      `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) { id } }`,
      { input: { tenantId, category: 'IP_PATENT', title: unique('Request'), description: 'x' } },
    );
    const at = `${openedOn}T09:00:00+08:00`;
    await this.t.dataSource.query(
      `UPDATE service_requests SET created_at = $2::timestamptz,
              due_at = $2::timestamptz + interval '72 hours' WHERE id = $1`,
      [openServiceRequest.id, at],
    );
    await this.t.dataSource.query(
      `UPDATE service_request_events SET at = $2::timestamptz WHERE request_id = $1`,
      [openServiceRequest.id, at],
    );
    return openServiceRequest.id;
  }

  /** Cancels a request on `cancelledOn` 09:00 in Asia/Shanghai. */
  async cancelRequest(id: string, cancelledOn: string) {
    await this.mutate(
      `mutation($id: ID!) { updateServiceRequestStatus(id: $id, status: CANCELLED) { id } }`,
      { id },
    );
    await this.t.dataSource.query(
      `UPDATE service_request_events SET at = $2::timestamptz
        WHERE request_id = $1 AND kind = 'STATUS_CHANGED'`,
      [id, `${cancelledOn}T09:00:00+08:00`],
    );
  }

  async review(reportId: string, decision: 'ACCEPT' | 'RETURN') {
    await this.mutate(
      `mutation($id: ID!, $decision: ReviewDecision!, $note: String) {
         reviewOutputReport(id: $id, decision: $decision, note: $note) { id }
       }`,
      { id: reportId, decision, note: decision === 'RETURN' ? 'Please correct the figures' : null },
    );
  }
}
