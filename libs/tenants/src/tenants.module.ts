import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@jcv/notifications';
import { ParkModule } from '@jcv/park';
import { Certification } from './certifications/certification.entity.js';
import { IndustrializationProject } from './projects/industrialization-project.entity.js';
import { Tenant } from './tenants/tenant.entity.js';
import { CertificationsService } from './certifications/certifications.service.js';
import { ProjectsService } from './projects/projects.service.js';
import { TenantsService } from './tenants/tenants.service.js';
import { TenantsResolver } from './tenants/tenants.resolver.js';
import { ProjectsResolver } from './projects/projects.resolver.js';
import { UserTenantResolver } from './tenants/user-tenant.resolver.js';
import { TenantIncubationResolver } from './incubation/incubation.resolver.js';
// Declares the tenants' constraints to the error mapping.
import './tenants.constraints.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Tenant, Certification, IndustrializationProject]),
    ParkModule,
    OutboxModule,
  ],
  providers: [
    TenantsService,
    CertificationsService,
    ProjectsService,
    TenantsResolver,
    ProjectsResolver,
    UserTenantResolver,
    TenantIncubationResolver,
  ],
  exports: [TenantsService, CertificationsService, ProjectsService],
})
export class TenantsModule {}
