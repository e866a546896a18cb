import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A problem with one cell of an imported file.' })
export class ImportRowError {
  @Field(() => Int, { description: 'The row in the file; the header row is usually 1.' })
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

  @Field(() => Int, { description: 'Data rows read from the file.' })
  rowsRead: number;

  @Field(() => Int, { description: 'Rows written: all of them, or 0 when refused.' })
  imported: number;

  @Field(() => Int, {
    description: 'Of those, months already reported that got a new revision.',
  })
  newRevisions: number;

  @Field(() => Int)
  errorCount: number;

  @Field(() => [ImportRowError], { description: 'The problems, by row (at most the first 1000).' })
  errors: ImportRowError[];
}
