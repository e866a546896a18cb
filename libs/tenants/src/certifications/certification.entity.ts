import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jcv/shared';
import { CertificationKind } from '../tenant.enum.js';

@ObjectType()
@Entity('certifications')
export class Certification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Field(() => CertificationKind)
  @Column({ type: 'text' })
  kind: CertificationKind;

  @Field()
  @Column({ name: 'certificate_no' })
  certificateNo: string;

  @Field(() => DateScalar)
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
