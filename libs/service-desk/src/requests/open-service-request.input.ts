import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, Length } from 'class-validator';
import { ServiceCategory } from '../providers/service-category.enum.js';

@InputType()
export class OpenServiceRequestInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field(() => ServiceCategory)
  @IsEnum(ServiceCategory, { message: 'category must be a service category' })
  category: ServiceCategory;

  @Field()
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  title: string;

  @Field()
  @IsString()
  @Length(1, 5000, { message: 'description must be 1 to 5000 characters' })
  description: string;
}
