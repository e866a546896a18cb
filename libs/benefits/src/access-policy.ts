import {
  ALL_ROLES,
  COMMITTEE_ROLES,
  definePolicy,
  EVERY_ROW,
  ownFirm,
  reaching,
  Role,
} from '@jcv/shared';

// Policies are published: every signed-in user reads them, budgets and what is left included.
definePolicy('Policy', {
  rows: reaching(ALL_ROLES, EVERY_ROW),
  fields: [
    {
      group: 'policy',
      fields: [
        'basis',
        'budget',
        'code',
        'eligibility',
        'granted',
        'id',
        'kind',
        'maxAmountPerTenant',
        'remaining',
        'rentRelief',
        'title',
        'validFrom',
        'validTo',
      ],
      readers: ALL_ROLES,
    },
  ],
});
definePolicy('EligibilityRule', {
  rows: reaching(ALL_ROLES, EVERY_ROW),
  fields: [
    {
      group: 'rule',
      fields: ['industryChains', 'minMonthsResident', 'requiredCertifications', 'zoneKinds'],
      readers: ALL_ROLES,
    },
  ],
});
definePolicy('RentRelief', {
  rows: reaching(ALL_ROLES, EVERY_ROW),
  fields: [{ group: 'relief', fields: ['maxArea', 'maxRatePerSqm', 'steps'], readers: ALL_ROLES }],
});
definePolicy('RentReliefStep', {
  rows: reaching(ALL_ROLES, EVERY_ROW),
  fields: [{ group: 'relief', fields: ['fromMonth', 'share', 'toMonth'], readers: ALL_ROLES }],
});

const APPLICATION_READERS = [...COMMITTEE_ROLES, Role.TENANT_ADMIN];
definePolicy('BenefitApplication', {
  rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW), [Role.TENANT_ADMIN]: ownFirm() },
  fields: [
    {
      group: 'application',
      fields: [
        'decidedAt',
        'disbursedAt',
        'grantedAmount',
        'id',
        'justification',
        'note',
        'policy',
        'requestedAmount',
        'status',
        'submittedAt',
        'tenant',
        'withdrawnAt',
      ],
      readers: APPLICATION_READERS,
    },
  ],
});
