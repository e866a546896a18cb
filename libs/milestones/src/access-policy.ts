import {
  ALL_ROLES,
  COMMITTEE_ROLES,
  defineConnectionPolicy,
  definePolicy,
  EVERY_ROW,
  reaching,
} from '@jcv/shared';

// The city's targets are public to every signed-in user; progress, trends, alerts and dashboards
// name the firms behind each figure, so they are the committee's, as every firm's data is.
definePolicy('MilestoneTarget', {
  rows: reaching(ALL_ROLES, EVERY_ROW),
  fields: [
    {
      group: 'target',
      fields: ['id', 'metric', 'source', 'target', 'year', 'zone'],
      readers: ALL_ROLES,
    },
  ],
});

const committee = (type: string, fields: string[]) =>
  definePolicy(type, {
    rows: reaching(COMMITTEE_ROLES, EVERY_ROW),
    fields: [{ group: 'figures', fields, readers: COMMITTEE_ROLES }],
  });

committee('MilestoneProgress', [
  'actual',
  'asOf',
  'contributors',
  'forecast',
  'ratio',
  'status',
  'target',
]);
committee('MilestoneSnapshot', [
  'actual',
  'day',
  'forecast',
  'ratio',
  'status',
  'takenAt',
  'target',
  'targetValue',
]);
committee('MilestoneAlert', [
  'actual',
  'day',
  'forecast',
  'fromStatus',
  'id',
  'raisedAt',
  'target',
  'targetValue',
  'toStatus',
]);
defineConnectionPolicy('MilestoneAlert', COMMITTEE_ROLES);
committee('ZoneDashboard', [
  'asOf',
  'benefitsGranted',
  'billed',
  'collected',
  'dueToGraduate',
  'milestones',
  'newTenants',
  'occupancy',
  'openServiceRequests',
  'outputByMonth',
  'outputValueYtd',
  'overdueBills',
  'overdueReports',
  'overstaying',
  'rentRelieved',
  'residentTenants',
  'year',
  'zone',
]);
committee('MonthlyValue', ['period', 'value']);
