import { registerEnumType } from '@nestjs/graphql';

export enum TenantKind {
  FIRM = 'FIRM',
  TEAM = 'TEAM',
}
registerEnumType(TenantKind, {
  name: 'TenantKind',
  valuesMap: {
    FIRM: { description: 'A registered firm; creditCode is required.' },
    TEAM: { description: 'A team not yet incorporated.' },
  },
});

export enum IndustryChain {
  AI_PLUS = 'AI_PLUS',
  HYDROGEN = 'HYDROGEN',
  CARBON_MATERIALS = 'CARBON_MATERIALS',
  SPECIAL_STEEL = 'SPECIAL_STEEL',
  SOLID_WASTE = 'SOLID_WASTE',
  OTHER = 'OTHER',
}
registerEnumType(IndustryChain, { name: 'IndustryChain' });

export enum TenantStatus {
  RESIDENT = 'RESIDENT',
  GRADUATED = 'GRADUATED',
  EXITED = 'EXITED',
}
registerEnumType(TenantStatus, { name: 'TenantStatus' });

export enum CertificationKind {
  HIGH_TECH = 'HIGH_TECH',
  SRDI = 'SRDI',
  TECH_SME = 'TECH_SME',
}
registerEnumType(CertificationKind, {
  name: 'CertificationKind',
  valuesMap: {
    HIGH_TECH: { description: '高新技术企业, high-tech enterprise.' },
    SRDI: { description: '专精特新, specialised, refined, distinctive and innovative SME.' },
    TECH_SME: { description: '科技型中小企业, technology-based SME.' },
  },
});

export enum ProjectStage {
  INCUBATING = 'INCUBATING',
  PILOT = 'PILOT',
  INDUSTRIALIZED = 'INDUSTRIALIZED',
}
registerEnumType(ProjectStage, { name: 'ProjectStage' });
