import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@jcv/shared';
import { IndustryChain, TenantStatus } from '../tenant.enum.js';
import { IncubationStage } from '../incubation/incubation.js';

@InputType()
export class TenantFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string;

  @Field(() => TenantStatus, { nullable: true })
  @IsOptional()
  @IsEnum(TenantStatus, { message: 'status must be RESIDENT, GRADUATED or EXITED' })
  status?: TenantStatus;

  @Field(() => IndustryChain, { nullable: true })
  @IsOptional()
  @IsEnum(IndustryChain, { message: 'industryChain must be a known industry chain' })
  industryChain?: IndustryChain;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'enteredInYear must be a whole number' })
  @Min(2000, { message: 'enteredInYear must be from 2000 to 2100' })
  @Max(2100, { message: 'enteredInYear must be from 2000 to 2100' })
  enteredInYear?: number;

  @Field({ nullable: true, description: 'Part of the name, any case.' })
  @IsOptional()
  @IsString({ message: 'nameContains must be a string' })
  @MaxLength(200, { message: 'nameContains must be at most 200 characters' })
  nameContains?: string;

  @Field(() => IncubationStage, {
    nullable: true,
    description: 'The stage of Tenant.incubation: on today in Asia/Shanghai.',
  })
  @IsOptional()
  @IsEnum(IncubationStage, {
    message:
      'incubationStage must be INCUBATING, DUE_TO_GRADUATE, OVERSTAYING, GRADUATED or EXITED',
  })
  incubationStage?: IncubationStage;
}

@ArgsType()
export class TenantsArgs extends PageArgs {
  @Field(() => TenantFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantFilter)
  filter?: TenantFilter;
}
