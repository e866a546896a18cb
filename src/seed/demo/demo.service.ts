import { Injectable, Logger } from '@nestjs/common';
import { actorOf, type User, UsersService } from '@jcv/identity';
import { todayInShanghai } from '@jcv/shared';
import { COMMITTEE_DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import type { DemoContext } from './demo-context.js';
import { TenantsSpaceDemo } from './tenants-space.demo.js';
import { ReportingDemo } from './reporting.demo.js';
import { MilestonesDemo } from './milestones.demo.js';
import { BenefitsDemo } from './benefits.demo.js';
import { ServiceDeskDemo } from './service-desk.demo.js';

/**
 * The synthetic demo park of development. Each capability adds its part, in dependency order,
 * through the same services the API uses, so the demo data obeys every rule.
 */
@Injectable()
export class DemoService {
  private readonly log = new Logger('Demo');

  constructor(
    private readonly users: UsersService,
    private readonly tenantsSpace: TenantsSpaceDemo,
    private readonly reporting: ReportingDemo,
    private readonly milestones: MilestonesDemo,
    private readonly benefits: BenefitsDemo,
    private readonly serviceDesk: ServiceDeskDemo,
  ) {}

  async load(parkId: string, admin: User): Promise<void> {
    const ctx: DemoContext = { parkId, admin: actorOf(admin), today: todayInShanghai() };
    for (const account of COMMITTEE_DEMO_ACCOUNTS) {
      await this.users.create(ctx.admin, { ...account, password: DEMO_PASSWORD }, 'demoSeed');
    }
    await this.tenantsSpace.load(ctx);
    await this.reporting.load(ctx);
    await this.milestones.load(ctx);
    await this.benefits.load(ctx);
    await this.serviceDesk.load(ctx);
    this.log.log('demo park loaded');
  }
}
