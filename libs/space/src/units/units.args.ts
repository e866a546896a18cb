import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { PageArgs } from '@jcv/shared';
import { UnitKind, UnitStatus } from '../space.enum.js';

@InputType()
export class UnitFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId must be an id' })
  buildingId?: string;

  @Field(() => UnitKind, { nullable: true })
  @IsOptional()
  @IsEnum(UnitKind, { message: 'kind must be a known unit kind' })
  kind?: UnitKind;

  @Field(() => UnitStatus, { nullable: true, description: 'The status today.' })
  @IsOptional()
  @IsEnum(UnitStatus, { message: 'status must be a known unit status' })
  status?: UnitStatus;
}

@ArgsType()
export class UnitsArgs extends PageArgs {
  @Field(() => UnitFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitFilter)
  filter?: UnitFilter;
}
