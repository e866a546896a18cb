import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { addMonths } from '@jcv/reporting';
import { Role, todayInShanghai } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newCreditCode } from '../fixtures/reporting/fixtures.js';

// exportBills through /graphql: a month's bills as an .xlsx read back with exceljs. The month is
// last month, so its bills are past their due date: an unpaid one reads OVERDUE.

const EXPORT = `query($period: YearMonth!, $zoneId: ID) {
  exportBills(period: $period, zoneId: $zoneId) { fileName contentBase64 rows }
}`;
const HEADERS = [
  '账单编号 Bill number',
  '企业 Firm',
  '统一社会信用代码 Credit code',
  '期间 Period',
  '租金 Rent',
  '物业费 Property fee',
  '房租减免 Rent relief',
  '合计 Total',
  '已付 Paid',
  '未付 Outstanding',
  '状态 Status',
  '到期日 Due on',
];

let t: TestApp;
let admin: string;
let startup: string;
let expansion: string;
const period = addMonths(todayInShanghai().slice(0, 7), -1);
const firstDay = `${period}-01`;
const tag = () => randomBytes(4).toString('hex');

interface Firm {
  id: string;
  name: string;
  creditCode: string;
}

async function building(zoneId: string, propertyFeePerSqm: string) {
  const { createBuilding } = await t.ok(
    `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
    { input: { zoneId, code: `B-${tag()}`, name: '创业大厦', propertyFeePerSqm } },
    admin,
  );
  return createBuilding.id as string;
}

async function unit(buildingId: string, area: string, rate: string) {
  const { createUnit } = await t.ok(
    `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`,
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
    admin,
  );
  return createUnit.id as string;
}

async function firm(zoneId: string, enteredOn: string, name: string): Promise<Firm> {
  const creditCode = newCreditCode();
  const { registerTenant } = await t.ok(
    `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
    {
      input: {
        name,
        kind: 'FIRM',
        creditCode,
        zoneId,
        industryChain: 'AI_PLUS',
        isTechFirm: true,
        enteredOn,
      },
    },
    admin,
  );
  return { id: registerTenant.id, name, creditCode };
}

/** A firm leasing one unit over the whole month (and a year after it). */
async function leasing(
  zoneId: string,
  name: string,
  opts: { area: string; rate: string; fee: string; monthlyRent: string; enteredOn?: string },
): Promise<Firm> {
  const f = await firm(zoneId, opts.enteredOn ?? `${addMonths(period, -3)}-01`, name);
  const unitId = await unit(await building(zoneId, opts.fee), opts.area, opts.rate);
  await t.ok(
    `mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`,
    {
      input: {
        unitId,
        tenantId: f.id,
        startDate: firstDay,
        endDate: `${addMonths(period, 12)}-01`,
        monthlyRent: opts.monthlyRent,
      },
    },
    admin,
  );
  return f;
}

async function workbookOf(contentBase64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(contentBase64, 'base64') as never);
  return wb;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as unknown[]).slice(1);

let relieved: Firm;
let paid: Firm;
let voided: Firm;
let elsewhere: Firm;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  const { zones } = await t.ok(`{ zones { id code } }`, {}, admin);
  startup = zones.find((z: { code: string }) => z.code === 'STARTUP').id;
  expansion = zones.find((z: { code: string }) => z.code === 'EXPANSION').id;

  // Rent 4000.00, fee 100 m² × 3.50, relief share 1 × min(40, 30) × 100 m² = 3000.00.
  relieved = await leasing(startup, '甲减免科技', {
    area: '100.00',
    rate: '40.00',
    fee: '3.50',
    monthlyRent: '4000.00',
  });
  const [policy] = await t.dataSource.query(
    `INSERT INTO policies (code, title, kind, basis, budget, valid_from, rent_relief)
     VALUES ($1, '房租减免', 'RENT_SUBSIDY', '孵化器入驻企业房租减免', 1000000, '2020-01-01', $2::jsonb)
     RETURNING id`,
    [
      `RELIEF-${tag().toUpperCase()}`,
      JSON.stringify({
        steps: [{ fromMonth: 1, toMonth: 12, share: '1' }],
        maxRatePerSqm: '30.00',
        maxArea: null,
      }),
    ],
  );
  await t.dataSource.query(
    `INSERT INTO benefit_applications (policy_id, tenant_id, requested_amount, granted_amount,
       justification, status, decided_at)
     VALUES ($1, $2, 100000, 100000, '房租减免申请', 'APPROVED', now())`,
    [policy.id, relieved.id],
  );
  // Fee 55.55 m² × 3.50 = 194.425, rounded half up to 194.43.
  paid = await leasing(startup, '乙付清材料', {
    area: '55.55',
    rate: '33.33',
    fee: '3.50',
    monthlyRent: '1851.49',
  });
  voided = await leasing(startup, '丙作废能源', {
    area: '20.00',
    rate: '50.00',
    fee: '0',
    monthlyRent: '1000.00',
  });
  elsewhere = await leasing(expansion, '丁拓展智造', {
    area: '10.00',
    rate: '50.00',
    fee: '0',
    monthlyRent: '500.00',
  });

  await t.ok(
    `mutation($period: YearMonth!) { issueBills(period: $period) { issued } }`,
    { period },
    admin,
  );
  const { bills } = await t.ok(
    `query($filter: BillFilter) { bills(filter: $filter, first: 100) { edges { node { id total tenant { id } } } } }`,
    { filter: { period } },
    admin,
  );
  const billOf = (f: Firm) =>
    bills.edges.map((e: any) => e.node).find((b: any) => b.tenant.id === f.id);
  await t.ok(
    `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id status } }`,
    {
      input: {
        billId: billOf(paid).id,
        amount: billOf(paid).total,
        paidOn: todayInShanghai(),
        reference: 'BANK-0001',
      },
    },
    admin,
  );
  await t.ok(
    `mutation($id: ID!, $reason: String!) { voidBill(id: $id, reason: $reason) { id status } }`,
    { id: billOf(voided).id, reason: '租金录入有误' },
    admin,
  );
});
afterAll(() => t?.close());

describe('exportBills', () => {
  it("writes the month's bills, VOID ones included, by number, with exact money cells", async () => {
    const { exportBills } = await t.ok(EXPORT, { period }, admin);
    expect(exportBills.fileName).toBe(`bills-${period}.xlsx`);
    expect(exportBills.rows).toBe(4);

    const wb = await workbookOf(exportBills.contentBase64);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['账单 Bills']);
    const sheet = wb.getWorksheet('账单 Bills')!;
    expect(rowValues(sheet, 1)).toEqual(HEADERS);
    expect(sheet.rowCount).toBe(5);

    const rows = [2, 3, 4, 5].map((n) => rowValues(sheet, n));
    const numbers = rows.map((r) => r[0] as string);
    expect(numbers).toEqual([...numbers].sort());
    for (const n of numbers) expect(n).toMatch(new RegExp(`^JCV-${period}-[0-9]{6}$`));
    const byFirm = (f: Firm) => rows.find((r) => r[1] === f.name)!;
    const dueOn = `${period}-15`;

    // 4000.00 + 350.00 − 3000.00; unpaid and past its due date.
    expect(byFirm(relieved).slice(1)).toEqual([
      relieved.name,
      relieved.creditCode,
      period,
      4000,
      350,
      -3000,
      1350,
      0,
      1350,
      'OVERDUE',
      dueOn,
    ]);
    expect(byFirm(paid).slice(1)).toEqual([
      paid.name,
      paid.creditCode,
      period,
      1851.49,
      194.43,
      0,
      2045.92,
      2045.92,
      0,
      'PAID',
      dueOn,
    ]);
    expect(byFirm(voided).slice(1)).toEqual([
      voided.name,
      voided.creditCode,
      period,
      1000,
      0,
      0,
      1000,
      0,
      0,
      'VOID',
      dueOn,
    ]);
    expect(byFirm(elsewhere)[9]).toBe(500);

    // Money cells are numbers shown to the fen.
    const rentCell = sheet.getRow(2).getCell(5);
    expect(typeof rentCell.value).toBe('number');
    expect(rentCell.numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(1).numFmt).toBeFalsy();
  });

  it("keeps to a zone's tenants when given one, and writes a header alone for a month without bills", async () => {
    const { exportBills } = await t.ok(EXPORT, { period, zoneId: expansion }, admin);
    expect(exportBills.rows).toBe(1);
    const sheet = (await workbookOf(exportBills.contentBase64)).worksheets[0];
    expect(rowValues(sheet, 2)[1]).toBe(elsewhere.name);

    const before = addMonths(period, -24);
    const empty = await t.ok(EXPORT, { period: before }, admin);
    expect(empty.exportBills).toMatchObject({ fileName: `bills-${before}.xlsx`, rows: 0 });
    const emptySheet = (await workbookOf(empty.exportBills.contentBase64)).worksheets[0];
    expect(emptySheet.rowCount).toBe(1);
    expect(rowValues(emptySheet, 1)).toEqual(HEADERS);
  });

  it('is for ADMIN and SPACE_MANAGER only', async () => {
    const manager = await t.tokenFor(Role.SPACE_MANAGER);
    expect((await t.ok(EXPORT, { period }, manager)).exportBills.rows).toBe(4);
    for (const token of [
      await t.tokenFor(Role.ANALYST),
      await t.tokenFor(Role.POLICY_OFFICER),
      await t.tokenFor(Role.TENANT_ADMIN, { tenantId: relieved.id }),
    ]) {
      expect((await t.gql(EXPORT, { period }, token)).errors?.[0].extensions.code).toBe(
        'FORBIDDEN',
      );
    }
    expect((await t.gql(EXPORT, { period })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad month and an unknown or malformed zone, naming them', async () => {
    const badMonth = await t.gql(EXPORT, { period: '2026-13' }, admin);
    expect(badMonth.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(
      EXPORT,
      { period, zoneId: '00000000-0000-4000-8000-000000000000' },
      admin,
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'zoneId' }],
    });
    const malformed = await t.gql(EXPORT, { period, zoneId: 'zone-1' }, admin);
    expect(malformed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'zoneId' }],
    });
  });
});
