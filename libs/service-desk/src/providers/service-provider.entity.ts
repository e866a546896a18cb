import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ServiceCategory } from './service-category.enum.js';

/** A science and technology service agency of the park: IP, financing, legal… */
@ObjectType()
@Entity('service_providers')
export class ServiceProvider {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Field(() => [ServiceCategory], { description: 'The categories of request it may be assigned.' })
  @Column({ type: 'text', array: true })
  categories: ServiceCategory[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
