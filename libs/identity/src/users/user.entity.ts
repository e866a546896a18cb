import { Field, HideField, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '@jcv/shared';
import { Locale } from './locale.enum.js';

@ObjectType()
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  email: string;

  @Field()
  @Column({ name: 'display_name' })
  displayName: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: Role;

  @HideField()
  @Column({ name: 'password_hash', select: false })
  passwordHash: string;

  /** The firm of a tenant user; the `tenant` field is resolved by the tenants module. */
  @Field(() => ID, { nullable: true })
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  @Field(() => ID, { nullable: true, description: 'Set for SERVICE_PROVIDER.' })
  @Column({ name: 'service_provider_id', type: 'uuid', nullable: true })
  serviceProviderId: string | null;

  // `active` and `locale` are GraphQL fields through UserAccountFieldsResolver, which shows them to
  // the user itself and to ADMIN only.
  @HideField()
  @Column({ default: true })
  active: boolean;

  @HideField()
  @Column({ type: 'text', default: Locale.ZH_CN })
  locale: Locale;

  @HideField()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @HideField()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
