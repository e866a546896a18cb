import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type User, UsersService } from '@jcv/identity';
import { type TargetSeed, TargetsService } from '@jcv/milestones';
import { ParkService, type ParkSeed } from '@jcv/park';
import { parkSeed, targetSeeds } from '../../seeds/index.js';

/** What the seed of this start did. */
export interface SeedOutcome {
  parkId: string;
  /** The first ADMIN, made at this start because the database had no users; else null. */
  bootstrapAdmin: User | null;
}

/**
 * Brings a database to its starting state at every start: the park, its zones and the plan's
 * targets (missing rows only), and the first ADMIN when there are no users.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private seeded?: Promise<SeedOutcome>;

  constructor(
    private readonly park: ParkService,
    private readonly targets: TargetsService,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  /**
   * Runs once per start, whichever asks first: this module's bootstrap hook or a module that
   * builds on the seed (the development demo park), which gets the same outcome.
   */
  seed(): Promise<SeedOutcome> {
    this.seeded ??= (async () => {
      const park = await this.park.ensure(parkSeed() as ParkSeed);
      await this.targets.ensure(park.id, targetSeeds() as TargetSeed[]);
      return { parkId: park.id, bootstrapAdmin: await this.users.bootstrapAdmin() };
    })();
    return this.seeded;
  }
}
