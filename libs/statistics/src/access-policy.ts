import {
  COMMITTEE_ROLES,
  definePolicy,
  EVERY_ROW,
  ownFirm,
  reaching,
  TENANT_ROLES,
} from '@jcv/shared';

/**
 * Who reads annual reports: as for monthly reports, the committee (ANALYST and the other
 * read-only roles too) and the firm's own users.
 */
export const ANNUAL_REPORT_READERS = [...COMMITTEE_ROLES, ...TENANT_ROLES];

const annualReportRows = {
  ...reaching(COMMITTEE_ROLES, EVERY_ROW),
  ...reaching(TENANT_ROLES, ownFirm()),
};

definePolicy('AnnualReport', {
  rows: annualReportRows,
  fields: [
    {
      group: 'annual report',
      fields: [
        'employees',
        'employeesCollege',
        'employeesDoctorate',
        'employeesFreshGraduates',
        'employeesReturnees',
        'id',
        'inventionPatentsValid',
        'ipApplied',
        'ipGranted',
        'ipValid',
        'nationalProjects',
        'netProfit',
        'occupiedArea',
        'rdExpense',
        'registeredCapital',
        'reviewNote',
        'revision',
        'revisions',
        'softwareCopyrights',
        'status',
        'submittedAt',
        'taxPaid',
        'techContractValue',
        'techContracts',
        'tenant',
        'totalRevenue',
        'ventureFunding',
        'year',
      ],
      readers: ANNUAL_REPORT_READERS,
    },
  ],
});

definePolicy('AnnualReportDraft', {
  rows: annualReportRows,
  fields: [
    {
      group: 'draft',
      fields: [
        'dueOn',
        'employees',
        'ipApplied',
        'ipGranted',
        'occupiedArea',
        'rdExpense',
        'tenant',
        'totalRevenue',
        'year',
      ],
      readers: ANNUAL_REPORT_READERS,
    },
  ],
});

definePolicy('Tenant', {
  fields: [{ group: 'annual reports', fields: ['annualReports'], readers: ANNUAL_REPORT_READERS }],
});
