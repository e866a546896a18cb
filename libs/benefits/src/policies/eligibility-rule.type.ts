import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayUnique, IsArray, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ZoneKind } from '@jcv/park';
import { CertificationKind, IndustryChain } from '@jcv/tenants';

@ObjectType({ description: 'What a firm must meet on the day; a list left out sets no condition.' })
export class EligibilityRule {
  @Field(() => [ZoneKind], { nullable: true })
  zoneKinds: ZoneKind[] | null;

  @Field(() => [CertificationKind], {
    nullable: true,
    description: 'Every kind listed, each with a certificate valid on the day.',
  })
  requiredCertifications: CertificationKind[] | null;

  @Field(() => [IndustryChain], { nullable: true })
  industryChains: IndustryChain[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Whole months from enteredOn to the day (31 Jan + 1 month = 28/29 Feb).',
  })
  minMonthsResident: number | null;
}

@InputType()
export class EligibilityRuleInput {
  @Field(() => [ZoneKind], { nullable: true, description: 'Left out or empty: any zone.' })
  @IsOptional()
  @IsArray({ message: 'zoneKinds must be a list' })
  @IsEnum(ZoneKind, { each: true, message: 'zoneKinds must hold zone kinds' })
  @ArrayUnique({ message: 'zoneKinds must not repeat a kind' })
  zoneKinds?: ZoneKind[] | null;

  @Field(() => [CertificationKind], { nullable: true })
  @IsOptional()
  @IsArray({ message: 'requiredCertifications must be a list' })
  @IsEnum(CertificationKind, {
    each: true,
    message: 'requiredCertifications must hold certification kinds',
  })
  @ArrayUnique({ message: 'requiredCertifications must not repeat a kind' })
  requiredCertifications?: CertificationKind[] | null;

  @Field(() => [IndustryChain], { nullable: true, description: 'Left out or empty: any chain.' })
  @IsOptional()
  @IsArray({ message: 'industryChains must be a list' })
  @IsEnum(IndustryChain, { each: true, message: 'industryChains must hold industry chains' })
  @ArrayUnique({ message: 'industryChains must not repeat a chain' })
  industryChains?: IndustryChain[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'minMonthsResident must be a whole number' })
  @Min(0, { message: 'minMonthsResident must be from 0 to 1200' })
  @Max(1200, { message: 'minMonthsResident must be from 0 to 1200' })
  minMonthsResident?: number | null;
}
