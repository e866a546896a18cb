import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';

export interface ConnectionTarget {
  url: string;
  /** The embedded database has one session: one pooled connection. */
  embedded: boolean;
  schema?: string;
}

/** The one set of connection options used by the API, the worker and the migration command. */
export function dataSourceOptions(target: ConnectionTarget): DataSourceOptions {
  const searchPath = target.schema ? `${target.schema},public` : undefined;
  return {
    type: 'postgres',
    url: target.url,
    schema: target.schema,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    poolSize: target.embedded ? 1 : 10,
    extra: {
      // node-postgres passes these as startup parameters of every connection.
      options: searchPath ? `-c search_path=${searchPath}` : undefined,
      application_name: 'jcv-platform',
    },
    logging: false,
  };
}
