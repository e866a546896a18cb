import {
  COMMITTEE_ROLES,
  defineConnectionPolicy,
  definePolicy,
  EVERY_ROW,
  ownFirm,
  type Reach,
  reaching,
  Role,
  todayInShanghai,
} from '@jcv/shared';

/** The committee, and a firm's administrator applying for space. */
const SPACE_READERS = [...COMMITTEE_ROLES, Role.TENANT_ADMIN];

/**
 * A firm browses the units it could apply for, AVAILABLE today, and sees the units it holds or
 * held: never who holds the others. The SQL scopes `units`, `unit(id)` and `Building.units`;
 * the unit of a lease in reach (the firm's own) is in reach by this rule.
 */
const AVAILABLE_OR_OWN: Reach = {
  name: 'AVAILABLE today, or let to own firm',
  where: (u, actor) => ({
    sql: `((${u}.condition = 'IN_SERVICE' AND NOT EXISTS (
             SELECT 1 FROM leases reach_l WHERE reach_l.unit_id = ${u}.id
                AND reach_l.status <> 'TERMINATED' AND reach_l.period @> CAST(:reachDay AS date)))
           OR EXISTS (SELECT 1 FROM leases reach_o WHERE reach_o.unit_id = ${u}.id
                         AND reach_o.tenant_id = :reachTenantId))`,
    params: { reachDay: todayInShanghai(), reachTenantId: actor.tenantId },
  }),
  through: ['Query.unit', 'UnitEdge.node', 'Building.units', 'Lease.unit'],
};

definePolicy('Building', {
  rows: reaching(SPACE_READERS, EVERY_ROW),
  fields: [
    {
      group: 'building',
      fields: ['code', 'id', 'name', 'propertyFeePerSqm', 'units', 'zone'],
      readers: SPACE_READERS,
    },
  ],
});

definePolicy('Unit', {
  rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW), [Role.TENANT_ADMIN]: AVAILABLE_OR_OWN },
  fields: [
    {
      // Area, kind and rent are what a firm applying for space compares; the leases it sees are
      // its own (Lease rows).
      group: 'unit',
      fields: [
        'area',
        'building',
        'code',
        'condition',
        'currentLease',
        'floor',
        'id',
        'kind',
        'leases',
        'monthlyRentPerSqm',
        'status',
      ],
      readers: SPACE_READERS,
    },
  ],
});
defineConnectionPolicy('Unit', SPACE_READERS);

definePolicy('Lease', {
  rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW), [Role.TENANT_ADMIN]: ownFirm() },
  fields: [
    {
      group: 'lease',
      fields: ['endDate', 'id', 'monthlyRent', 'startDate', 'status', 'tenant', 'unit'],
      readers: SPACE_READERS,
    },
  ],
});

definePolicy('SpaceApplication', {
  rows: { ...reaching(COMMITTEE_ROLES, EVERY_ROW), [Role.TENANT_ADMIN]: ownFirm() },
  fields: [
    {
      group: 'application',
      fields: [
        'area',
        'createdAt',
        'decisionNote',
        'fromDate',
        'id',
        'lease',
        'purpose',
        'status',
        'tenant',
        'toDate',
        'unitKind',
        'zone',
      ],
      readers: SPACE_READERS,
    },
  ],
});

// A zone's figures of its own stock: no firm in them.
definePolicy('Occupancy', {
  rows: reaching(SPACE_READERS, EVERY_ROW),
  fields: [
    {
      group: 'occupancy',
      fields: ['leasedArea', 'rate', 'totalArea', 'unitsLeased', 'unitsTotal'],
      readers: SPACE_READERS,
    },
  ],
});

definePolicy('Zone', {
  fields: [{ group: 'space', fields: ['buildings', 'occupancy'], readers: SPACE_READERS }],
});
definePolicy('Tenant', {
  fields: [{ group: 'leases', fields: ['leases'], readers: SPACE_READERS }],
});
