import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';

@InputType()
export class CreateBuildingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId: string;

  @Field({ description: 'Letters, digits, - and _, unique within the zone.' })
  @IsString({ message: 'code must be a string' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'code must be 1 to 40 letters, digits, - or _',
  })
  code: string;

  @Field()
  @IsString({ message: 'name must be a string' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
}
