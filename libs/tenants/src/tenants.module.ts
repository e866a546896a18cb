import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParkModule } from '@jcv/park';
import { Certification } from './entities/certification.entity.js';
import { IndustrializationProject } from './entities/industrialization-project.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { TenantsService } from './tenants.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Tenant, Certification, IndustrializationProject]),
    ParkModule,
  ],
  providers: [TenantsService],
  exports: [TenantsService],
})
export class TenantsModule {}
