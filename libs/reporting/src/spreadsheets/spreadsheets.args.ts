import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export enum ReportFileFormatEnum {
  XLSX = 'xlsx',
  CSV = 'csv',
}
registerEnumType(ReportFileFormatEnum, {
  name: 'ReportFileFormat',
  valuesMap: {
    XLSX: { description: 'An Excel workbook (.xlsx).' },
    CSV: { description: 'Comma-separated values in UTF-8 with a BOM (.csv).' },
  },
});

/** The argument that carries the file: the one a refusal of its content names. */
export const FILE_ARGUMENT = 'contentBase64';

@ArgsType()
export class ImportOutputReportsArgs {
  @Field({ description: 'The file name; its extension (.xlsx or .csv) tells the format.' })
  @IsString()
  @Length(1, 255, { message: 'fileName must be 1 to 255 characters' })
  fileName: string;

  @Field({ description: 'The file content, base64-encoded.' })
  @IsString()
  @Length(1, 50_000_000, { message: 'contentBase64 must not be empty' })
  contentBase64: string;
}

@ArgsType()
export class ExportOutputReportsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'zoneId must be an id' })
  zoneId: string;

  @Field(() => Int)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year: number;

  @Field(() => ReportFileFormatEnum, { nullable: true, description: 'Left out: XLSX.' })
  @IsOptional()
  @IsEnum(ReportFileFormatEnum, { message: 'format must be XLSX or CSV' })
  format?: ReportFileFormatEnum | null;
}

@ObjectType({ description: 'A file produced by the server, base64-encoded.' })
export class ReportFileExport {
  @Field()
  fileName: string;

  @Field()
  contentBase64: string;

  @Field(() => Int, { description: 'Report rows in the file.' })
  rows: number;
}
