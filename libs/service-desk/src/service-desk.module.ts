import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@jcv/notifications';
import { TenantsModule } from '@jcv/tenants';
import { ServiceProvider } from './providers/service-provider.entity.js';
import { ServiceProvidersService } from './providers/service-providers.service.js';
import { ServiceProvidersResolver } from './providers/service-providers.resolver.js';
import { ServiceRequest } from './requests/service-request.entity.js';
import { ServiceRequestEvent } from './requests/service-request-event.entity.js';
import { RESPONSE_HOURS, ServiceRequestsService } from './requests/service-requests.service.js';
import { ServiceRequestWorkflowService } from './requests/service-request-workflow.service.js';
import {
  ServiceRequestEventResolver,
  ServiceRequestsResolver,
} from './requests/service-requests.resolver.js';
import { parseResponseHours, RESPONSE_HOURS_VARIABLE } from './requests/response-times.js';
// Declares the service desk's constraints to the error mapping.
import './service-desk.constraints.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ServiceProvider, ServiceRequest, ServiceRequestEvent]),
    TenantsModule,
    OutboxModule,
  ],
  providers: [
    // Read once at start-up: a value that cannot be used stops the start with its reason.
    {
      provide: RESPONSE_HOURS,
      useFactory: () => parseResponseHours(process.env[RESPONSE_HOURS_VARIABLE]),
    },
    ServiceProvidersService,
    ServiceRequestsService,
    ServiceRequestWorkflowService,
    ServiceProvidersResolver,
    ServiceRequestsResolver,
    ServiceRequestEventResolver,
  ],
  exports: [ServiceRequestsService, ServiceProvidersService, ServiceRequestWorkflowService],
})
export class ServiceDeskModule {}
