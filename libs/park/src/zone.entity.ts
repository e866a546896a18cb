import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ZoneKind } from './zone-kind.enum.js';

@ObjectType()
@Entity('zones')
export class Zone {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'park_id', type: 'uuid' })
  parkId: string;

  @Field()
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field(() => ZoneKind)
  @Column({ type: 'text' })
  kind: ZoneKind;
}
