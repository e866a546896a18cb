import { Module } from '@nestjs/common';
import { IdentityModule } from '@jcv/identity';
import { MilestonesModule } from '@jcv/milestones';
import { ParkModule } from '@jcv/park';
import { SeedService } from './seed.service.js';

@Module({
  imports: [ParkModule, MilestonesModule, IdentityModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
