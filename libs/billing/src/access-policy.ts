import {
  AS_PARENT,
  COMMITTEE_ROLES,
  defineConnectionPolicy,
  definePolicy,
  EVERY_ROW,
  ownFirm,
  reaching,
  Role,
} from '@jcv/shared';

/** The committee's billing roles read every bill; a firm's admin reads its own firm's. */
export const BILL_READERS = [Role.ADMIN, Role.SPACE_MANAGER, Role.TENANT_ADMIN];
export const BILL_RUN_READERS = [Role.ADMIN, Role.SPACE_MANAGER];

const billRows = {
  ...reaching([Role.ADMIN, Role.SPACE_MANAGER], EVERY_ROW),
  [Role.TENANT_ADMIN]: ownFirm(),
};

definePolicy('Bill', {
  rows: billRows,
  fields: [
    {
      group: 'bill',
      fields: [
        'dueOn',
        'id',
        'issuedOn',
        'lines',
        'number',
        'outstanding',
        'paid',
        'payments',
        'period',
        'status',
        'tenant',
        'total',
        'voidReason',
      ],
      readers: BILL_READERS,
    },
  ],
});
defineConnectionPolicy('Bill', BILL_READERS);
definePolicy('BillConnection', {
  fields: [{ group: 'sums', fields: ['sums'], readers: BILL_READERS }],
});
definePolicy('BillSums', {
  rows: reaching(BILL_READERS, AS_PARENT),
  fields: [
    {
      group: 'sums',
      fields: ['billed', 'count', 'outstanding', 'paid', 'relieved', 'total'],
      readers: BILL_READERS,
    },
  ],
});
// Lines and payments are parts of a bill, shown only under a bill already in reach.
definePolicy('BillLine', {
  rows: reaching(BILL_READERS, AS_PARENT),
  fields: [
    {
      group: 'line',
      fields: ['amount', 'benefitApplication', 'days', 'description', 'kind', 'lease', 'monthDays'],
      readers: BILL_READERS,
    },
  ],
});
definePolicy('Payment', {
  rows: reaching(BILL_READERS, AS_PARENT),
  fields: [
    {
      group: 'payment',
      fields: ['amount', 'id', 'paidOn', 'reference'],
      readers: BILL_READERS,
    },
  ],
});
definePolicy('BillRun', {
  rows: reaching(BILL_RUN_READERS, EVERY_ROW),
  fields: [
    {
      group: 'run',
      fields: ['existing', 'issued', 'period', 'ranAt', 'total'],
      readers: BILL_RUN_READERS,
    },
  ],
});

definePolicy('Tenant', {
  fields: [{ group: 'bills', fields: ['bills'], readers: BILL_READERS }],
});
// What bills relieved of a grant is read by whoever reads the application.
definePolicy('BenefitApplication', {
  fields: [
    { group: 'relief', fields: ['relieved'], readers: [...COMMITTEE_ROLES, Role.TENANT_ADMIN] },
  ],
});
