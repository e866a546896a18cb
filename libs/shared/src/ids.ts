const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are uuids: anything else names no record, and is answered as such rather than failing
 * in PostgreSQL.
 */
export const isUuid = (value: unknown): boolean => typeof value === 'string' && UUID.test(value);

/**
 * Where statements run: the data source, or a transaction's entity manager (both have it), for
 * the functions that read with raw SQL.
 */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed where read
  query(sql: string, params?: unknown[]): Promise<any>;
}
