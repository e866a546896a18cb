import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParkModule } from '@jcv/park';
import { Certification } from './entities/certification.entity.js';
import { IndustrializationProject } from './entities/industrialization-project.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { CertificationsService } from './certifications.service.js';
import { ProjectsService } from './projects.service.js';
import { TenantsService } from './tenants.service.js';
import { TenantsResolver } from './tenants.resolver.js';
import { ProjectsResolver } from './projects.resolver.js';
import { UserTenantResolver } from './user-tenant.resolver.js';
// Declares the tenants' constraints to the error mapping.
import './tenants.constraints.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Tenant, Certification, IndustrializationProject]),
    ParkModule,
  ],
  providers: [
    TenantsService,
    CertificationsService,
    ProjectsService,
    TenantsResolver,
    ProjectsResolver,
    UserTenantResolver,
  ],
  exports: [TenantsService, CertificationsService, ProjectsService],
})
export class TenantsModule {}
