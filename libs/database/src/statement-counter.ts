import type { Logger as TypeOrmLogger } from 'typeorm';
import { requestContext } from '@jcv/shared';

/**
 * Counts the SQL statements each request sends, for the N+1 tests and the benchmarks (the
 * `x-sql-statements` response header). Off by default: it makes TypeORM report every query.
 */
export class StatementCounter implements TypeOrmLogger {
  logQuery(): void {
    const store = requestContext.getStore();
    if (store) store.sqlStatements++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
