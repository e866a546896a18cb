import {
  ANONYMOUS,
  AS_PARENT,
  AUDIENCES,
  COMMITTEE_ROLES,
  defineConnectionPolicy,
  definePolicy,
  EVERY_ROW,
  ownFirm,
  reaching,
  Role,
  TENANT_ROLES,
  through,
} from '@jcv/shared';

/** The committee and the firm's own users. */
export const FIRM_READERS = [...COMMITTEE_ROLES, ...TENANT_ROLES];
/** The committee and the firm's administrator: what a firm does in the park, beyond reporting. */
export const FIRM_ADMIN_READERS = [...COMMITTEE_ROLES, Role.TENANT_ADMIN];

definePolicy('Tenant', {
  rows: {
    ...reaching(COMMITTEE_ROLES, EVERY_ROW),
    ...reaching(TENANT_ROLES, ownFirm('id', 'id')),
    // The answer of a sign-in names the user's firm.
    [ANONYMOUS]: through("the signed-in user's own firm", ['User.tenant']),
  },
  fields: [
    {
      group: 'name',
      fields: ['id', 'name', 'zone'],
      readers: [...FIRM_READERS, Role.SERVICE_PROVIDER, ANONYMOUS],
    },
    {
      // What the report form needs too: which months the firm was resident.
      group: 'profile',
      fields: [
        'creditCode',
        'enteredOn',
        'exitedOn',
        'foundedOn',
        'industryChain',
        'isTechFirm',
        'kind',
        'status',
      ],
      readers: [...FIRM_READERS, ANONYMOUS],
    },
    // Computed from the profile's dates, so read by whoever reads them.
    { group: 'incubation', fields: ['incubation'], readers: [...FIRM_READERS, ANONYMOUS] },
    { group: 'certifications', fields: ['certifications'], readers: FIRM_ADMIN_READERS },
  ],
});
defineConnectionPolicy('Tenant', FIRM_READERS);

definePolicy('Incubation', {
  rows: reaching([...FIRM_READERS, ANONYMOUS], AS_PARENT),
  fields: [
    {
      group: 'incubation',
      fields: ['endsOn', 'monthsResident', 'stage', 'youngAtEntry'],
      readers: [...FIRM_READERS, ANONYMOUS],
    },
  ],
});

definePolicy('Certification', {
  rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW), [Role.TENANT_ADMIN]: ownFirm() },
  fields: [
    {
      group: 'certificate',
      fields: ['certificateNo', 'expiresOn', 'id', 'issuedOn', 'kind'],
      readers: FIRM_ADMIN_READERS,
    },
  ],
});

definePolicy('IndustrializationProject', {
  rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW), [Role.TENANT_ADMIN]: ownFirm() },
  fields: [
    {
      group: 'project',
      fields: ['cultivatedOn', 'id', 'name', 'stage', 'tenant', 'zone'],
      readers: FIRM_ADMIN_READERS,
    },
  ],
});

definePolicy('User', { fields: [{ group: 'firm', fields: ['tenant'], readers: AUDIENCES }] });
