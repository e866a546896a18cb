import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

/** The committed form of a schema: sorted, so that schema.graphql diffs only on real changes. */
export const printedSchema = (schema: GraphQLSchema) =>
  printSchema(lexicographicSortSchema(schema)) + '\n';

export const COMMITTED_SCHEMA = new URL('../../schema.graphql', import.meta.url);
