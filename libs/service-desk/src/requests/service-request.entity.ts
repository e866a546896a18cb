import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ServiceCategory } from '../providers/service-category.enum.js';
import { ServiceRequestStatus } from './service-request-status.enum.js';

/** A firm's request for help; `tenant`, `assignee` and `history` are resolved by id. */
@ObjectType()
@Entity('service_requests')
export class ServiceRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field(() => ServiceCategory)
  @Column({ type: 'text' })
  category: ServiceCategory;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column()
  description: string;

  @Field(() => ServiceRequestStatus)
  @Column({ type: 'text' })
  status: ServiceRequestStatus;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { description: "createdAt plus the category's response time." })
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was last RESOLVED; cleared when it is reopened.',
  })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The firm rates each resolution once; reopening clears the rating.',
  })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'rating_comment', type: 'text', nullable: true })
  ratingComment: string | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;
}
