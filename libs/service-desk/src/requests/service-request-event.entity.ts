import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@jcv/shared';
import { ServiceRequestStatus } from './service-request-status.enum.js';

export enum ServiceRequestEventKind {
  OPENED = 'OPENED',
  ASSIGNED = 'ASSIGNED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  RATED = 'RATED',
}
registerEnumType(ServiceRequestEventKind, { name: 'ServiceRequestEventKind' });

/** One change to a request, kept for good: its history. */
@ObjectType()
@Entity('service_request_events')
export class ServiceRequestEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ServiceRequestEventKind)
  @Column({ type: 'text' })
  kind: ServiceRequestEventKind;

  @Field(() => ServiceRequestStatus, { description: "The request's status after the change." })
  @Column({ type: 'text' })
  status: ServiceRequestStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The provider given the request, on ASSIGNED events. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Field(() => Int, { nullable: true, description: 'The rating given, on RATED events.' })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => Role, { nullable: true, description: 'The role of whoever made the change.' })
  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: Role | null;
}
