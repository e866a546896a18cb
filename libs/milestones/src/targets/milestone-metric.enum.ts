import { registerEnumType } from '@nestjs/graphql';

export enum MilestoneMetric {
  NEW_TECH_FIRMS = 'NEW_TECH_FIRMS',
  NEW_HIGH_TECH_FIRMS = 'NEW_HIGH_TECH_FIRMS',
  NEW_SRDI_FIRMS = 'NEW_SRDI_FIRMS',
  INDUSTRIALIZATION_PROJECTS = 'INDUSTRIALIZATION_PROJECTS',
  ANNUAL_OUTPUT_VALUE = 'ANNUAL_OUTPUT_VALUE',
}

registerEnumType(MilestoneMetric, { name: 'MilestoneMetric' });
