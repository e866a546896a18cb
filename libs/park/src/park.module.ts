import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Park } from './park.entity.js';
import { Zone } from './zone.entity.js';
import { ParkResolver, ZoneResolver } from './park.resolver.js';
import { ParkService } from './park.service.js';
// Declares the park's constraints to the error mapping.
import './park.constraints.js';

@Module({
  imports: [TypeOrmModule.forFeature([Park, Zone])],
  providers: [ParkService, ParkResolver, ZoneResolver],
  exports: [ParkService],
})
export class ParkModule {}
