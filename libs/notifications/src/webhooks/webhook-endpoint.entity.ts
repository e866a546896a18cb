import { Field, HideField, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@ObjectType({
  description: `An HTTPS endpoint of another system (the city's statistics platform, a
finance system) that receives the park's events as Standard Webhooks v1:
headers webhook-id, webhook-timestamp and webhook-signature
("v1,<base64 HMAC-SHA256 of id.timestamp.body>").`,
})
@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  url: string;

  @Field(() => [String], {
    description: 'Event types, e.g. report.submitted; empty means every type.',
  })
  @Column({ type: 'text', array: true })
  events: string[];

  /**
   * The signing key, `whsec_…`. Never a field and never loaded unless asked for by name: it is
   * shown once, in the answer of createWebhookEndpoint, and read again only to sign.
   */
  @HideField()
  @Column({ type: 'text', select: false })
  secret: string;

  @Field()
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => Int, {
    description: 'Deliveries that failed in a row; the endpoint is deactivated at the limit.',
  })
  @Column({ name: 'consecutive_failures', type: 'integer' })
  consecutiveFailures: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the endpoint is off: a 410 answer, the limit of failures, or an administrator.',
  })
  @Column({ name: 'deactivated_reason', type: 'text', nullable: true })
  deactivatedReason: string | null;

  @HideField()
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @HideField()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
