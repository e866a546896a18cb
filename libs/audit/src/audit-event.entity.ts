import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'One recorded change: who did what to which record, before and after.' })
@Entity('audit_events')
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Field({ description: 'The GraphQL operation, e.g. allocateUnit.' })
  @Column()
  operation: string;

  @Field()
  @Column()
  entity: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Field(() => String, { nullable: true, description: 'The record before the change, as JSON.' })
  @Column({
    type: 'jsonb',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v == null ? null : JSON.stringify(v)) },
  })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The record after the change, as JSON.' })
  @Column({
    type: 'jsonb',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v == null ? null : JSON.stringify(v)) },
  })
  after: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
