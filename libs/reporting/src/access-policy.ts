import {
  COMMITTEE_ROLES,
  defineConnectionPolicy,
  definePolicy,
  EVERY_ROW,
  ownFirm,
  reaching,
  Role,
  TENANT_ROLES,
} from '@jcv/shared';

/** The committee (ANALYST and the other read-only roles too) and the firm's own users. */
export const REPORT_READERS = [...COMMITTEE_ROLES, ...TENANT_ROLES];

definePolicy('OutputReport', {
  rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW), ...reaching(TENANT_ROLES, ownFirm()) },
  fields: [
    {
      group: 'report',
      fields: [
        'dueOn',
        'employees',
        'id',
        'outputValue',
        'patentsFiled',
        'patentsGranted',
        'period',
        'rdExpense',
        'revenue',
        'reviewNote',
        'revision',
        'revisions',
        'status',
        'submittedAt',
        'tenant',
      ],
      readers: REPORT_READERS,
    },
  ],
});
defineConnectionPolicy('OutputReport', REPORT_READERS);
definePolicy('Tenant', {
  fields: [{ group: 'reports', fields: ['outputReports'], readers: REPORT_READERS }],
});

definePolicy('ImportResult', {
  rows: { [Role.ADMIN]: EVERY_ROW },
  fields: [
    {
      group: 'import',
      fields: [
        'errorCount',
        'errors',
        'fileName',
        'imported',
        'newRevisions',
        'rowsRead',
        'unchanged',
      ],
      readers: [Role.ADMIN],
    },
  ],
});
definePolicy('ImportRowError', {
  rows: { [Role.ADMIN]: EVERY_ROW },
  fields: [
    {
      group: 'row error',
      fields: ['column', 'header', 'message', 'row', 'sheet'],
      readers: [Role.ADMIN],
    },
  ],
});
definePolicy('ReportFileExport', {
  rows: reaching(COMMITTEE_ROLES, EVERY_ROW),
  fields: [
    { group: 'file', fields: ['contentBase64', 'fileName', 'rows'], readers: COMMITTEE_ROLES },
  ],
});
