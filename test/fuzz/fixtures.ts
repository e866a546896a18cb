import ExcelJS from 'exceljs';
import { Role } from '@jcv/shared';
import { withCheckChar } from '@jcv/tenants';
import { TEST_ADMIN, type TestApp } from '../support/test-app.js';
import type { Tokens } from './cases.js';
import { harvest } from './oracle.js';
import type { FuzzPools } from './values.js';

// A little of everything, made through the API: two tenants, a building with units, a lease, a
// provider with a request, a report, a policy with an application, a certificate, a project, a
// space application, and a signed-in user of every role.

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

export async function seedFixtures(t: TestApp, pools: FuzzPools): Promise<Tokens> {
  const admin = await t.adminToken();
  const seen = (data: unknown) => harvest({ status: 200, body: JSON.stringify({ data }) }, pools);
  const ok = async <T = any>(query: string, variables: Record<string, unknown>, token = admin) => {
    const data = await t.ok<T>(query, variables, token);
    seen(data);
    return data;
  };

  const { zones } = await ok<{ zones: { id: string; code: string }[] }>(
    `{ zones { id code } }`,
    {},
  );
  const startup = zones.find((z) => z.code === 'STARTUP')!.id;
  const expansion = zones.find((z) => z.code === 'EXPANSION')!.id;
  const creditCode = withCheckChar('911411000A1B2C3D4');
  const register = `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id creditCode } }`;
  const firm: string = (
    await ok(register, {
      input: {
        name: 'Fuzz firm',
        kind: 'FIRM',
        creditCode,
        zoneId: startup,
        industryChain: 'AI_PLUS',
        isTechFirm: true,
        enteredOn: '2024-03-01',
      },
    })
  ).registerTenant.id;
  await ok(register, {
    input: {
      name: 'Fuzz team',
      kind: 'TEAM',
      zoneId: expansion,
      industryChain: 'HYDROGEN',
      isTechFirm: false,
      enteredOn: '2025-01-15',
    },
  });

  const building: string = (
    await ok(`mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`, {
      input: { zoneId: startup, code: 'FZ-A', name: 'Fuzz building' },
    })
  ).createBuilding.id;
  const unit = async (code: string, kind: string) =>
    (
      await ok(`mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`, {
        input: {
          buildingId: building,
          code,
          floor: 1,
          kind,
          area: '120.50',
          monthlyRentPerSqm: '45.00',
        },
      })
    ).createUnit.id as string;
  const office = await unit('U101', 'OFFICE');
  await unit('U102', 'LAB');
  await ok(`mutation($input: AllocateUnitInput!) { allocateUnit(input: $input) { id } }`, {
    input: { unitId: office, tenantId: firm, startDate: '2025-01-01', endDate: '2026-12-31' },
  });

  const provider: string = (
    await ok(
      `mutation($input: CreateServiceProviderInput!) { createServiceProvider(input: $input) { id } }`,
      { input: { name: 'Fuzz agency', categories: ['LEGAL', 'FACILITY'] } },
    )
  ).createServiceProvider.id;

  const tokens: Tokens = { ADMIN: admin };
  for (const role of [Role.SPACE_MANAGER, Role.POLICY_OFFICER, Role.SERVICE_DESK, Role.ANALYST])
    tokens[role] = await t.tokenFor(role);
  tokens.TENANT_ADMIN = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm });
  tokens.TENANT_REPORTER = await t.tokenFor(Role.TENANT_REPORTER, { tenantId: firm });
  tokens.SERVICE_PROVIDER = await t.tokenFor(Role.SERVICE_PROVIDER, {
    serviceProviderId: provider,
  });
  for (const token of Object.values(tokens)) await ok(`{ me { id email } }`, {}, token);

  const request: string = (
    await ok(
      `mutation($input: OpenServiceRequestInput!) { openServiceRequest(input: $input) { id } }`,
      {
        input: {
          tenantId: firm,
          category: 'LEGAL',
          title: 'Contract review',
          description: 'Lease terms',
        },
      },
      tokens.TENANT_ADMIN,
    )
  ).openServiceRequest.id;
  await ok(`mutation($id: ID!, $p: ID!) { assignServiceRequest(id: $id, providerId: $p) { id } }`, {
    id: request,
    p: provider,
  });
  await ok(
    `mutation($input: SubmitOutputReportInput!) { submitOutputReport(input: $input) { id } }`,
    {
      input: {
        tenantId: firm,
        period: '2025-01',
        outputValue: '1000.00',
        revenue: '900.00',
        rdExpense: '50.00',
        employees: 10,
        patentsFiled: 1,
        patentsGranted: 0,
      },
    },
    tokens.TENANT_REPORTER,
  );
  const policy: string = (
    await ok(`mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }`, {
      input: {
        code: 'FZ_RENT',
        title: 'Fuzz rent subsidy',
        kind: 'RENT_SUBSIDY',
        basis: 'Fuzz basis',
        budget: '100000',
        maxAmountPerTenant: '5000',
        validFrom: '2024-01-01',
        eligibility: {},
      },
    })
  ).createPolicy.id;
  await ok(
    `mutation($input: ApplyForBenefitInput!) { applyForBenefit(input: $input) { id } }`,
    { input: { policyId: policy, tenantId: firm, requestedAmount: '1000', justification: 'Rent' } },
    tokens.TENANT_ADMIN,
  );
  await ok(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, {
    input: {
      tenantId: firm,
      kind: 'HIGH_TECH',
      certificateNo: 'GR-FUZZ-1',
      issuedOn: '2024-06-01',
    },
  });
  await ok(
    `mutation($input: RecordProjectInput!) { recordIndustrializationProject(input: $input) { id } }`,
    { input: { tenantId: firm, name: 'Fuzz project', stage: 'PILOT', cultivatedOn: '2025-03-01' } },
  );
  await ok(
    `mutation($input: ApplyForSpaceInput!) { applyForSpace(input: $input) { id } }`,
    {
      input: {
        tenantId: firm,
        zoneId: startup,
        unitKind: 'LAB',
        area: '50',
        purpose: 'A lab',
        fromDate: '2027-01-01',
        toDate: '2027-12-31',
      },
    },
    tokens.TENANT_ADMIN,
  );
  await ok(`{ milestoneTargets { id } tenants(first: 1) { edges { cursor } } }`, {});
  await ok(`mutation($input: LoginInput!) { login(input: $input) { refreshToken } }`, {
    input: TEST_ADMIN,
  });

  pools.files = await spreadsheets(creditCode);
  return tokens;
}

/** Report workbooks, well formed and not: odd cell kinds, sheets and sizes. */
async function spreadsheets(creditCode: string): Promise<FuzzPools['files']> {
  const book = async (fill: (wb: ExcelJS.Workbook) => void) => {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  };
  const sheet = (rows: unknown[][]) => (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('reports');
    for (const row of rows) ws.addRow(row);
  };
  const good = [creditCode, '2025-02', '1000.00', '900.00', '0', 10, 0, 0];
  const files = [
    await book(sheet([HEADER, good])),
    await book(
      sheet([
        HEADER,
        [
          creditCode,
          new Date(Date.UTC(2025, 2, 1)),
          1e308,
          { formula: '1/0', result: { error: '#DIV/0!' } },
          'a\u0000b',
          -5,
          2.5,
          '1e400',
        ],
        [
          { richText: [{ text: creditCode }] },
          { formula: 'B2', result: '2025-04' },
          { text: '100', hyperlink: 'http://x.example' },
          true,
          null,
          '',
          1.5,
          -0,
        ],
        ['x'.repeat(30000), '2025-13', '-1', 'NaN', '１２', 2147483648, 1e21, '0x10'],
      ]),
    ),
    await book(sheet([])),
    await book(sheet([HEADER])),
    await book((wb) => {
      wb.addWorksheet('empty');
      sheet([HEADER, good])(wb);
    }),
    await book(
      sheet([
        HEADER,
        ...Array.from({ length: 300 }, (_, i) => [
          creditCode,
          `2025-${(i % 12) + 1}`,
          String(i),
          '1',
          '1',
          i,
          0,
          0,
        ]),
      ]),
    ),
  ];
  return files.map((contentBase64) => ({ fileName: 'reports.xlsx', contentBase64 }));
}
