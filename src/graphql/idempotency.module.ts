import { Module } from '@nestjs/common';
import { IdempotencyPlugin } from './idempotency.plugin.js';
import { IdempotencyStore } from './idempotency.store.js';

/** `Idempotency-Key` on mutations: the Apollo plugin (found by @nestjs/apollo) and its table. */
@Module({ providers: [IdempotencyStore, IdempotencyPlugin] })
export class IdempotencyModule {}
