import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A problem with one cell of an imported file.' })
export class ImportRowError {
  @Field(() => String, {
    nullable: true,
    description: 'The worksheet of an .xlsx the row is on; null for a CSV file.',
  })
  sheet?: string | null;

  @Field(() => Int, { description: 'The row in the sheet; the header row is usually 1.' })
  row: number;

  @Field({ description: 'The field the column holds, e.g. outputValue.' })
  column: string;

  @Field({ nullable: true, description: 'The column header as written in the file.' })
  header?: string;

  @Field()
  message: string;
}

@ObjectType({
  description:
    'The outcome of a report import: every row written, or none when any row has a problem.',
})
export class ImportResult {
  @Field()
  fileName: string;

  @Field(() => Int, { description: 'Data rows read from the file, all sheets together.' })
  rowsRead: number;

  @Field(() => Int, {
    description:
      "Rows written: every row that differs from its month's latest revision, or 0 when refused.",
  })
  imported: number;

  @Field(() => Int, {
    description: 'Of those, months already reported that got a new revision.',
  })
  newRevisions: number;

  @Field(() => Int, {
    description:
      "Rows equal to their month's latest revision, left as they are (status included); 0 when refused.",
  })
  unchanged: number;

  @Field(() => Int, { description: 'All the problems found, however many are listed.' })
  errorCount: number;

  @Field(() => [ImportRowError], {
    description: 'The problems, in file order: at most the first 1000 (errorCount has them all).',
  })
  errors: ImportRowError[];
}
