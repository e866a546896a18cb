import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar } from '@jcv/shared';

@ObjectType()
@Entity('buildings')
export class Building {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  zoneId: string;

  @Field({ description: 'Unique within its zone.' })
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => DecimalScalar, {
    description: '物业费: the monthly property fee per m² of its units, billed beside the rent.',
  })
  @Column({ name: 'property_fee_per_sqm', type: 'numeric', precision: 12, scale: 2 })
  propertyFeePerSqm: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
