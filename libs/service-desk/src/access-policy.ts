import {
  ALL_ROLES,
  AS_PARENT,
  assignedToMe,
  COMMITTEE_ROLES,
  definePolicy,
  EVERY_ROW,
  ownFirm,
  reaching,
  Role,
  through,
} from '@jcv/shared';

// The park's providers are listed to everyone: a firm chooses what to ask for.
definePolicy('ServiceProvider', {
  rows: reaching(ALL_ROLES, EVERY_ROW),
  fields: [{ group: 'provider', fields: ['categories', 'id', 'name'], readers: ALL_ROLES }],
});

const REQUEST_READERS = [...COMMITTEE_ROLES, Role.TENANT_ADMIN, Role.SERVICE_PROVIDER];
definePolicy('ServiceRequest', {
  rows: {
    ...reaching(COMMITTEE_ROLES, EVERY_ROW),
    [Role.TENANT_ADMIN]: ownFirm(),
    [Role.SERVICE_PROVIDER]: assignedToMe(),
  },
  fields: [
    {
      group: 'request',
      fields: [
        'assignee',
        'category',
        'createdAt',
        'description',
        'dueAt',
        'history',
        'id',
        'rating',
        'ratingComment',
        'resolvedAt',
        'status',
        'tenant',
        'title',
      ],
      readers: REQUEST_READERS,
    },
  ],
});
definePolicy('ServiceRequestEvent', {
  rows: reaching(REQUEST_READERS, AS_PARENT),
  fields: [
    {
      group: 'event',
      fields: ['actorRole', 'assignee', 'at', 'kind', 'note', 'rating', 'status'],
      readers: REQUEST_READERS,
    },
  ],
});

// A provider knows the firms it serves by name (Tenant's `name` group), nothing else of them.
definePolicy('Tenant', {
  rows: {
    [Role.SERVICE_PROVIDER]: through('a firm it serves (of a request assigned to it)', [
      'ServiceRequest.tenant',
    ]),
  },
});
