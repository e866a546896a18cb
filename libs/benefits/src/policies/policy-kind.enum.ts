import { registerEnumType } from '@nestjs/graphql';

export enum PolicyKind {
  RENT_SUBSIDY = 'RENT_SUBSIDY',
  RD_SUBSIDY = 'RD_SUBSIDY',
  SCENARIO_SUBSIDY = 'SCENARIO_SUBSIDY',
  TALENT = 'TALENT',
  FINANCING = 'FINANCING',
  OTHER = 'OTHER',
}

registerEnumType(PolicyKind, { name: 'PolicyKind' });
