import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '@jcv/shared';
import { ProjectStage } from '../tenant.enum.js';

@ObjectType({ description: 'An industrialisation project cultivated in the expansion zone.' })
@Entity('industrialization_projects')
export class IndustrializationProject {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** The zone the project is counted in: its firm's zone when it was recorded. */
  @Column({ name: 'zone_id', type: 'uuid' })
  zoneId: string;

  @Field(() => ProjectStage)
  @Column({ type: 'text' })
  stage: ProjectStage;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the committee recorded it as cultivated; it counts for that year.',
  })
  @Column({ name: 'cultivated_on', type: 'date', nullable: true })
  cultivatedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
