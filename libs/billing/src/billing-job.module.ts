import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@jcv/audit';
import { OutboxModule } from '@jcv/notifications';
import { BillLine } from './bills/bill-line.entity.js';
import { BillRun } from './bills/bill-run.entity.js';
import { Bill } from './bills/bill.entity.js';
import { BillsService } from './bills/bills.service.js';
import { Payment } from './payments/payment.entity.js';
import { RentReliefTotal } from './relief/rent-relief-total.entity.js';
// Declares the bills' constraints to the error mapping.
import './billing.constraints.js';

/**
 * What issuing bills needs, and nothing more: the bills' tables, the audit trail and the outbox
 * (the configuration comes from the app's root). The worker and the command line boot this alone;
 * BillingModule builds the GraphQL side on it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Bill, BillLine, Payment, BillRun, RentReliefTotal]),
    AuditModule,
    OutboxModule,
  ],
  providers: [BillsService],
  exports: [BillsService, TypeOrmModule],
})
export class BillingJobModule {}
