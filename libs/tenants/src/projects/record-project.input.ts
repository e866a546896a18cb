import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateScalar } from '@jcv/shared';
import { ProjectStage } from '../tenant.enum.js';

@InputType()
export class RecordProjectInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenantId must be an id' })
  tenantId: string;

  @Field()
  @IsString({ message: 'name must be a string' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @Field(() => ProjectStage)
  @IsEnum(ProjectStage, { message: 'stage must be INCUBATING, PILOT or INDUSTRIALIZED' })
  stage: ProjectStage;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsString({ message: 'cultivatedOn must be a date' })
  cultivatedOn?: string | null;
}
