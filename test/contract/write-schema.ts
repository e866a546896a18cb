// `npm run schema:update`: rewrites schema.graphql from the schema the server generates. A jest
// run of its own (the server's schema needs the app booted as the tests boot it); the name
// matches no test pattern, so `npm test` never writes the file and the contract test always
// compares.
import { writeFileSync } from 'node:fs';
import { it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { startTestApp } from '../support/test-app.js';
import { COMMITTED_SCHEMA, printedSchema } from './printed-schema.js';

it('writes schema.graphql', async () => {
  const t = await startTestApp();
  try {
    writeFileSync(COMMITTED_SCHEMA, printedSchema(t.app.get(GraphQLSchemaHost).schema));
  } finally {
    await t.close();
  }
});
