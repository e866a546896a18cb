import { Module } from '@nestjs/common';
import { OutboxModule } from '@jcv/notifications';
import { RemindersService } from './reminders.service.js';

/**
 * What the daily reminders need: the outbox to notify with, and nothing of the libs whose
 * tables they read (plain SQL, declared as ForeignReads), so the worker builds no GraphQL side.
 */
@Module({
  imports: [OutboxModule],
  providers: [RemindersService],
  exports: [RemindersService],
})
export class RemindersJobModule {}
