import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { actorOf, type User, UsersService } from '@jcv/identity';
import { todayInShanghai } from '@jcv/shared';
import { SeedService } from '../../src/seed/seed.service.js';
import { COMMITTEE_DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import type { DemoContext } from './demo-context.js';
import { TenantsSpaceDemo } from './tenants-space.demo.js';
import { ReportingDemo } from './reporting.demo.js';
import { MilestonesDemo } from './milestones.demo.js';
import { BenefitsDemo } from './benefits.demo.js';
import { ServiceDeskDemo } from './service-desk.demo.js';
import { BillingDemo } from './billing.demo.js';
import { StatisticsDemo } from './statistics.demo.js';

/**
 * The synthetic demo park of development, loaded into a database that had no users once the
 * product's seed has run. Each capability adds its part, in dependency order. Most of it goes
 * through the services the API uses, so it obeys their rules; three parts cannot: the output
 * reports are written in one bulk statement (ReportingDemo), the service requests' history
 * is moved into the past (ServiceDeskDemo), the older payments of the rent bills are written
 * in one statement (BillingDemo) and the annual reports, sent through their service, are
 * back-dated to January (StatisticsDemo). Each file says what it writes and how.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly log = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seed: SeedService,
    private readonly users: UsersService,
    private readonly tenantsSpace: TenantsSpaceDemo,
    private readonly reporting: ReportingDemo,
    private readonly milestones: MilestonesDemo,
    private readonly benefits: BenefitsDemo,
    private readonly serviceDesk: ServiceDeskDemo,
    private readonly billing: BillingDemo,
    private readonly statistics: StatisticsDemo,
  ) {}

  // DemoModule is imported by AppModule, whose own hooks (the in-process jobs) run after it:
  // the jobs' first run sees the demo's snapshots.
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || this.config.production) return;
    const { parkId, bootstrapAdmin } = await this.seed.seed();
    if (!bootstrapAdmin) return;
    this.log.log('empty database: loading the demo park');
    await this.load(parkId, bootstrapAdmin);
  }

  async load(parkId: string, admin: User): Promise<void> {
    const today = this.config.demoToday ?? todayInShanghai();
    const ctx: DemoContext = { parkId, admin: actorOf(admin), today };
    for (const account of COMMITTEE_DEMO_ACCOUNTS) {
      await this.users.create(ctx.admin, { ...account, password: DEMO_PASSWORD }, 'demoSeed');
    }
    await this.tenantsSpace.load(ctx);
    await this.reporting.load(ctx);
    await this.milestones.load(ctx);
    await this.benefits.load(ctx);
    await this.serviceDesk.load(ctx);
    await this.billing.load(ctx);
    await this.statistics.load(ctx);
    this.log.log('demo park loaded');
  }
}
