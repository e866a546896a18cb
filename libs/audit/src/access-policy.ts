import { defineConnectionPolicy, definePolicy, EVERY_ROW, Role } from '@jcv/shared';

// The audit trail names users and holds records before and after: ADMIN's alone.
definePolicy('AuditEvent', {
  rows: { [Role.ADMIN]: EVERY_ROW },
  fields: [
    {
      group: 'event',
      fields: [
        'actorRole',
        'actorUserId',
        'after',
        'at',
        'before',
        'entity',
        'entityId',
        'id',
        'operation',
        'requestId',
      ],
      readers: [Role.ADMIN],
    },
  ],
});
defineConnectionPolicy('AuditEvent', [Role.ADMIN]);
