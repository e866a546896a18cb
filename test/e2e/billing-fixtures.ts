import { randomBytes } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { todayInShanghai } from '@jcv/shared';
import type { GqlResult, TestApp } from '../support/test-app.js';
import { creditCode } from './milestones-fixtures.js';

// Facts for the rent-bill suites, made through the API as the committee makes them. A bill run
// bills every firm with a lease in its month, so each test bills months of its own (MonthPool)
// and keeps its leases within them: what one test bills never reaches another's firms.

export const today = todayInShanghai();
export const thisMonth = today.slice(0, 7);
export const thisYear = Number(today.slice(0, 4));

/** The month n months after `period` (n may be negative). */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function daysInMonth(period: string): number {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The date of day `d` of `period`. */
export const day = (period: string, d: number) => `${period}-${String(d).padStart(2, '0')}`;
export const lastDay = (period: string) => day(period, daysInMonth(period));
export const yearOf = (period: string) => Number(period.slice(0, 4));

/** Round half up to the fen, as every line is. */
export const fen = (x: Decimal.Value) =>
  new Decimal(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
/** amount × d / D, to the fen. */
export const prorate = (amount: Decimal.Value, d: number, D: number) =>
  fen(new Decimal(amount).times(d).dividedBy(D));
export const sum = (xs: Decimal.Value[]) =>
  xs.reduce<Decimal>((s, x) => s.plus(x), new Decimal(0)).toFixed(2);
export const neg = (x: Decimal.Value) => new Decimal(x).negated().toFixed(2);

/**
 * Past months (their due date has passed, so an unpaid bill is OVERDUE), handed out once each:
 * the latest months first, from last month back, skipping the reserved ones.
 */
export class MonthPool {
  private readonly used = new Set<string>();

  constructor(reserved: string[] = []) {
    for (const m of reserved) this.used.add(m);
  }

  /** A month M with M + each offset free (and past), the latest such; all of them are taken. */
  take(offsets: number[] = [0], fits: (m: string) => boolean = () => true): string {
    const last = addMonths(thisMonth, -1);
    const highest = Math.max(...offsets);
    for (let back = 0; back < 600; back++) {
      const m = addMonths(last, -back - highest);
      const months = offsets.map((o) => addMonths(m, o));
      if (!fits(m) || months.some((x) => this.used.has(x))) continue;
      for (const x of months) this.used.add(x);
      return m;
    }
    throw new Error('no free month');
  }
}

/** Every month of a year, to keep out of a pool. */
export const monthsOfYear = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

const tag = () => randomBytes(4).toString('hex');

export const LINE_FIELDS = `kind days monthDays description amount lease { id } benefitApplication { id }`;
export const BILL_FIELDS = `id number period issuedOn dueOn total paid outstanding status voidReason
  tenant { id } lines { ${LINE_FIELDS} } payments { id amount paidOn reference }`;
export const ISSUE = `mutation($period: YearMonth!) { issueBills(period: $period) { period issued existing total } }`;
export const BILLS = `query($filter: BillFilter, $first: Int, $after: String) {
  bills(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { ${BILL_FIELDS} } }
    sums { count billed relieved total paid outstanding } } }`;
export const BILL = `query($id: ID!) { bill(id: $id) { ${BILL_FIELDS} } }`;
export const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { ${BILL_FIELDS} } }`;
export const VOID = `mutation($id: ID!, $reason: String!) { voidBill(id: $id, reason: $reason) { ${BILL_FIELDS} } }`;

export interface BillLine {
  kind: 'RENT' | 'PROPERTY_FEE' | 'RENT_RELIEF';
  days: number;
  monthDays: number;
  description: string;
  amount: string;
  lease: { id: string };
  benefitApplication: { id: string } | null;
}
export interface Bill {
  id: string;
  number: string;
  period: string;
  issuedOn: string;
  dueOn: string;
  total: string;
  paid: string;
  outstanding: string;
  status: 'ISSUED' | 'PAID' | 'OVERDUE' | 'VOID';
  voidReason: string | null;
  tenant: { id: string };
  lines: BillLine[];
  payments: { id: string; amount: string; paidOn: string; reference: string }[];
}
export interface BillRun {
  period: string;
  issued: number;
  existing: number;
  total: string;
}

/** The first error's code and fields, for refusals. */
export const errorOf = (res: GqlResult) => ({
  code: res.errors?.[0]?.extensions.code,
  message: res.errors?.[0]?.message,
  fields: res.errors?.[0]?.extensions.fields,
});

export class BillingFixtures {
  private admin?: string;

  constructor(private readonly t: TestApp) {}

  private async token(): Promise<string> {
    return (this.admin ??= await this.t.adminToken());
  }

  private async mutate<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.t.ok<T>(query, variables, await this.token());
  }

  async startupZone(): Promise<string> {
    const [{ id }] = await this.t.dataSource.query(`SELECT id FROM zones WHERE kind = 'STARTUP'`);
    return id;
  }

  /** A zone of its own, so that nothing else counts in its figures. */
  async freshZone(): Promise<string> {
    const [zone] = await this.t.dataSource.query(
      `INSERT INTO zones (park_id, code, name, kind)
       SELECT park_id, $1, 'Billing test zone', 'STARTUP' FROM zones LIMIT 1 RETURNING id`,
      [`Z${tag().toUpperCase()}`],
    );
    return zone.id;
  }

  async building(zoneId: string, propertyFeePerSqm?: string) {
    const { createBuilding } = await this.mutate(
      `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id code propertyFeePerSqm } }`,
      { input: { zoneId, code: `B-${tag()}`, name: '创业大厦', propertyFeePerSqm } },
    );
    return createBuilding as { id: string; code: string; propertyFeePerSqm: string };
  }

  async unit(buildingId: string, area: string, rate = '40.00') {
    const { createUnit } = await this.mutate(
      `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id code area } }`,
      {
        input: {
          buildingId,
          code: `U-${tag()}`,
          floor: 2,
          kind: 'OFFICE',
          area,
          monthlyRentPerSqm: rate,
        },
      },
    );
    return createUnit as { id: string; code: string; area: string };
  }

  async firm(zoneId: string, enteredOn = '2020-01-02'): Promise<string> {
    const { registerTenant } = await this.mutate(
      `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
      {
        input: {
          name: `Firm ${tag()}`,
          kind: 'FIRM',
          creditCode: creditCode(),
          zoneId,
          industryChain: 'AI_PLUS',
          isTechFirm: true,
          enteredOn,
        },
      },
    );
    return registerTenant.id;
  }

  async lease(
    unitId: string,
    tenantId: string,
    startDate: string,
    endDate: string,
    monthlyRent?: string,
  ): Promise<string> {
    const { allocateUnit } = await this.mutate(
      `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
      { input: { unitId, tenantId, startDate, endDate, monthlyRent } },
    );
    return allocateUnit.id;
  }

  /** A lease cancelled before it began, as endLease leaves one (set straight in the table). */
  async terminate(leaseId: string) {
    await this.t.dataSource.query(`UPDATE leases SET status = 'TERMINATED' WHERE id = $1`, [
      leaseId,
    ]);
  }

  async issue(period: string, token?: string): Promise<GqlResult<{ issueBills: BillRun }>> {
    return this.t.gql(ISSUE, { period }, token ?? (await this.token()));
  }

  async run(period: string): Promise<BillRun> {
    return (await this.mutate<{ issueBills: BillRun }>(ISSUE, { period })).issueBills;
  }

  /** The bills of a filter, every page, in the list's order. */
  async bills(filter: Record<string, unknown>, token?: string): Promise<Bill[]> {
    const data = await this.t.ok(BILLS, { filter, first: 100 }, token ?? (await this.token()));
    return data.bills.edges.map((e: { node: Bill }) => e.node);
  }

  /** The firm's one bill of the month that is not VOID. */
  async billOf(tenantId: string, period: string): Promise<Bill> {
    const bills = (await this.bills({ tenantId, period })).filter((b) => b.status !== 'VOID');
    if (bills.length !== 1) throw new Error(`${bills.length} bills of ${tenantId} for ${period}`);
    return bills[0];
  }

  async pay(
    billId: string,
    amount: string,
    paidOn = today,
    reference = 'BANK-001',
    token?: string,
  ) {
    return this.t.gql<{ recordPayment: Bill }>(
      PAY,
      { input: { billId, amount, paidOn, reference } },
      token ?? (await this.token()),
    );
  }

  async voidBill(id: string, reason: string, token?: string) {
    return this.t.gql<{ voidBill: Bill }>(VOID, { id, reason }, token ?? (await this.token()));
  }

  /** A RENT_SUBSIDY policy that relieves rent on bills. */
  async reliefPolicy(rentRelief: {
    steps: { fromMonth: number; toMonth: number; share: string }[];
    maxRatePerSqm?: string | null;
    maxArea?: string | null;
  }): Promise<{ id: string; code: string }> {
    const { createPolicy } = await this.mutate(
      `mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id code } }`,
      {
        input: {
          code: `RR_${tag().toUpperCase()}`,
          title: '房租减免',
          kind: 'RENT_SUBSIDY',
          rentRelief,
          basis: '《武昌区促进科技企业孵化若干措施》',
          budget: '100000000.00',
          validFrom: '2020-01-01',
          eligibility: {},
        },
      },
    );
    return createPolicy;
  }

  /** An application of the firm to the policy, left SUBMITTED or decided as asked. */
  async grant(
    policyId: string,
    tenantId: string,
    amount: string,
    outcome: 'APPROVED' | 'SUBMITTED' | 'REJECTED' | 'DISBURSED' = 'APPROVED',
  ): Promise<string> {
    const { applyForBenefit } = await this.mutate(
      `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
      { input: { policyId, tenantId, requestedAmount: amount, justification: '房租减免申请' } },
    );
    const id = applyForBenefit.id as string;
    if (outcome === 'SUBMITTED') return id;
    await this.mutate(
      `mutation($input: DecideBenefitInput!) { decideBenefit(input: $input) { id } }`,
      {
        input:
          outcome === 'REJECTED'
            ? { id, approve: false, note: 'Not this year' }
            : { id, approve: true },
      },
    );
    if (outcome === 'DISBURSED') {
      await this.mutate(`mutation($id: ID!) { markBenefitDisbursed(id: $id) { id } }`, { id });
    }
    return id;
  }

  /** The application's grantedAmount and what bills have relieved of it. */
  async application(tenantId: string, id: string) {
    const data = await this.mutate(
      `query($tenantId: ID) { benefitApplications(tenantId: $tenantId) { id status grantedAmount relieved } }`,
      { tenantId },
    );
    return data.benefitApplications.find((a: { id: string }) => a.id === id) as {
      id: string;
      status: string;
      grantedAmount: string | null;
      relieved: string;
    };
  }

  /** What a refused call could have written. */
  async state() {
    const [row] = await this.t.dataSource.query(
      `SELECT (SELECT count(*) FROM bills)::int AS bills,
              (SELECT count(*) FROM bill_lines)::int AS lines,
              (SELECT count(*) FROM payments)::int AS payments,
              (SELECT count(*) FROM bill_runs)::int AS runs,
              (SELECT string_agg(id || status || paid::text || coalesce(void_reason, ''), ',' ORDER BY id)
                 FROM bills) AS bill_rows,
              (SELECT string_agg(benefit_application_id || relieved::text, ',' ORDER BY benefit_application_id)
                 FROM rent_relief_totals) AS relief,
              (SELECT count(*) FROM audit_events)::int AS audit`,
    );
    return row;
  }
}

/** The lines' amounts, summed: a bill's total. */
export const linesTotal = (b: Bill) => sum(b.lines.map((l) => l.amount));
export const reliefOf = (b: Bill) =>
  sum(b.lines.filter((l) => l.kind === 'RENT_RELIEF').map((l) => new Decimal(l.amount).negated()));
