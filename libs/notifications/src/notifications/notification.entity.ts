import { Field, HideField, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationKind, type NotificationParams } from '../notification-kinds.js';

/**
 * A message to one user. The table keeps what it is about (kind, matter, parameters), never its
 * words: `title` and `body` are written in the reader's locale when read.
 */
@ObjectType({ description: "A message to one user, in that user's locale." })
@Entity('notifications')
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The recipient: the only user who reaches the row (access-policy.ts). */
  @HideField()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Field(() => NotificationKind)
  @Column({ type: 'text' })
  kind: NotificationKind;

  /** The matter's key: one notification per user, kind and matter. */
  @HideField()
  @Column({ type: 'text' })
  matter: string;

  /** The templates' parameters (templates/). */
  @HideField()
  @Column({ type: 'jsonb' })
  params: NotificationParams[NotificationKind];

  @Field(() => String, {
    nullable: true,
    description: 'A path of the web console that shows the matter, e.g. /reports/2026-03.',
  })
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
