import type { DemoPark } from '../../src/seed/demo-park.js';
import { COMMITTEE_DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { DEMO_FIRM_ACCOUNTS } from './demo-firm-accounts.js';
import { DemoModule } from './demo.module.js';

export { DemoModule } from './demo.module.js';
export { DemoService } from './demo.service.js';
export { TenantsSpaceDemo } from './tenants-space.demo.js';
export { ReportingDemo } from './reporting.demo.js';
export { MilestonesDemo } from './milestones.demo.js';
export { BenefitsDemo } from './benefits.demo.js';
export { ServiceDeskDemo } from './service-desk.demo.js';
export { BillingDemo } from './billing.demo.js';
export { StatisticsDemo } from './statistics.demo.js';
export { DEMO_PASSWORD } from './demo-accounts.js';
export { DEMO_FIRM_ACCOUNTS, DEMO_FIRM_NAME } from './demo-firm-accounts.js';

/** What the API loads from here when SEED_DEMO is on (src/seed/demo-park.ts). */
export const demoPark: DemoPark = {
  module: DemoModule,
  accounts: [...COMMITTEE_DEMO_ACCOUNTS, ...DEMO_FIRM_ACCOUNTS].map((a) => ({
    role: a.role,
    email: a.email,
    password: DEMO_PASSWORD,
  })),
};
