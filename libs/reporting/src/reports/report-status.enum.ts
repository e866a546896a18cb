import { registerEnumType } from '@nestjs/graphql';

export enum ReportStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });
