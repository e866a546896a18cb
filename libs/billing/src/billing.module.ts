import { Module } from '@nestjs/common';
import { SpaceModule } from '@jcv/space';
import { TenantsModule } from '@jcv/tenants';
import { BillingJobModule } from './billing-job.module.js';
import { BillConnectionResolver, BillLineResolver, BillsResolver } from './bills/bills.resolver.js';
import { TenantBillsResolver } from './bills/tenant-bills.resolver.js';
import { BillsExportResolver } from './export/bills-export.resolver.js';
import { BillsExportService } from './export/bills-export.service.js';
import { ApplicationReliefResolver } from './relief/application-relief.resolver.js';

@Module({
  imports: [BillingJobModule, TenantsModule, SpaceModule],
  providers: [
    BillsExportService,
    BillsResolver,
    BillConnectionResolver,
    BillLineResolver,
    TenantBillsResolver,
    ApplicationReliefResolver,
    BillsExportResolver,
  ],
  exports: [BillingJobModule, BillsExportService],
})
export class BillingModule {}
