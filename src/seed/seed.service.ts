import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { UsersService } from '@jcv/identity';
import { type TargetSeed, TargetsService } from '@jcv/milestones';
import { ParkService, type ParkSeed } from '@jcv/park';
import { parkSeed, targetSeeds } from '../../seeds/index.js';
import { DemoService } from './demo/demo.service.js';

/**
 * Brings a database to its starting state at every start: the park, its zones and the plan's
 * targets (missing rows only), the first ADMIN when there are no users, and in development the
 * demo park when the database was empty.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly log = new Logger('Seed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly park: ParkService,
    private readonly targets: TargetsService,
    private readonly users: UsersService,
    private readonly demo: DemoService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const park = await this.park.ensure(parkSeed() as ParkSeed);
    await this.targets.ensure(park.id, targetSeeds() as TargetSeed[]);
    const admin = await this.users.bootstrapAdmin();
    if (admin && this.config.seedDemo && !this.config.production) {
      this.log.log('empty database: loading the demo park');
      await this.demo.load(park.id, admin);
    }
  }
}
