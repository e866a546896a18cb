import { registerEnumType } from '@nestjs/graphql';

export enum MilestoneStatus {
  NOT_STARTED = 'NOT_STARTED',
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BEHIND = 'BEHIND',
  MISSED = 'MISSED',
}

registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  valuesMap: {
    NOT_STARTED: { description: 'The year has not begun on asOf.' },
    ACHIEVED: { description: 'actual has reached the target.' },
    ON_TRACK: { description: 'The forecast reaches the target.' },
    AT_RISK: { description: 'The forecast reaches at least 80 % of the target.' },
    BEHIND: { description: 'The forecast is below 80 % of the target.' },
    MISSED: { description: 'The year is over and the target was not reached.' },
  },
});
