import { QueryFailedError } from 'typeorm';

/** PostgreSQL's error fields, as node-postgres reports them. */
export interface PgError {
  code: string;
  constraint?: string;
  detail?: string;
  column?: string;
  table?: string;
}

/** The PostgreSQL error behind a TypeORM or driver error, if there is one. */
export function pgError(err: unknown): PgError | undefined {
  const e = err instanceof QueryFailedError ? (err.driverError as unknown) : err;
  if (e && typeof e === 'object' && 'code' in e && typeof (e as PgError).code === 'string') {
    const code = (e as PgError).code;
    if (/^[0-9A-Z]{5}$/.test(code)) return e as PgError;
  }
  return undefined;
}

export const PG = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;
