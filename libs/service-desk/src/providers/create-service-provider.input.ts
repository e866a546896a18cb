import { Field, InputType } from '@nestjs/graphql';
import { ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsString, Length } from 'class-validator';
import { ServiceCategory } from './service-category.enum.js';

@InputType()
export class CreateServiceProviderInput {
  @Field({ description: 'Unique, ignoring case.' })
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field(() => [ServiceCategory])
  @IsArray({ message: 'categories must be a list' })
  @ArrayMinSize(1, { message: 'categories must name at least one category' })
  @ArrayUnique({ message: 'categories must not repeat a category' })
  @IsEnum(ServiceCategory, { each: true, message: 'categories must hold service categories' })
  categories: ServiceCategory[];
}
