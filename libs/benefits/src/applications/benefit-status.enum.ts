import { registerEnumType } from '@nestjs/graphql';

export enum BenefitStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  DISBURSED = 'DISBURSED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(BenefitStatus, { name: 'BenefitStatus' });

/** The statuses whose granted amount counts against the budget and the cap. */
export const GRANTED_STATUSES = [BenefitStatus.APPROVED, BenefitStatus.DISBURSED];
