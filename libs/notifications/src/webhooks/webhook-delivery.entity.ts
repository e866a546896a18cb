import { Field, HideField, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { WebhookDeliveryStatus } from './webhook-delivery-status.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { WebhookEvent } from './webhook-event.entity.js';

/** One event for one endpoint, and how its attempts went. `eventType` is resolved. */
@ObjectType()
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'The webhook-id header: the same on every attempt.' })
  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  /** Loaded with the type only (never the body) when a delivery is read for the API. */
  @HideField()
  @ManyToOne(() => WebhookEvent)
  @JoinColumn({ name: 'event_id' })
  event: WebhookEvent;

  @HideField()
  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @Field(() => WebhookEndpoint)
  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint: WebhookEndpoint;

  @Field(() => WebhookDeliveryStatus)
  @Column({ type: 'text' })
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  @Column({ type: 'integer' })
  attempts: number;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'last_response_status', type: 'integer', nullable: true })
  lastResponseStatus: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'What went wrong on the last failed attempt, e.g. "answered 503".',
  })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @HideField()
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @HideField()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
