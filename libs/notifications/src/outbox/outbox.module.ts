import { Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';

/**
 * The outbox alone: what a lib needs to notify users and emit events in its own transactions
 * (the configuration comes from the app's root). It builds nothing of GraphQL.
 */
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
