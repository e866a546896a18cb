import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParkModule } from '@jcv/park';
import { MilestoneTarget } from './targets/milestone-target.entity.js';
import { TargetsResolver } from './targets/targets.resolver.js';
import { TargetsService } from './targets/targets.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([MilestoneTarget]), ParkModule],
  providers: [TargetsService, TargetsResolver],
  exports: [TargetsService],
})
export class MilestonesModule {}
