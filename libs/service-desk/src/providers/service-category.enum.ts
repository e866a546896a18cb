import { registerEnumType } from '@nestjs/graphql';

export enum ServiceCategory {
  IP_PATENT = 'IP_PATENT',
  FINANCING = 'FINANCING',
  TECH_TRANSFER = 'TECH_TRANSFER',
  LEGAL = 'LEGAL',
  HR_TALENT = 'HR_TALENT',
  FACILITY = 'FACILITY',
  SCENARIO_ASSESSMENT = 'SCENARIO_ASSESSMENT',
  OTHER = 'OTHER',
}

registerEnumType(ServiceCategory, { name: 'ServiceCategory' });
