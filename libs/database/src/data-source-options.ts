import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';

export interface ConnectionTarget {
  url: string;
  /** The embedded database has one session: one pooled connection. */
  embedded: boolean;
  schema?: string;
  /**
   * Streaming replicas of the server at `url`. TypeORM's default would send entity reads
   * (find, query builders) to them anywhere, a read before a write in a mutation included;
   * here nothing goes to a replica unless the data source routes it (see readMode).
   */
  replicaUrls?: string[];
  /** Connections of the pool on a server (DATABASE_POOL_SIZE); 10 when not given. */
  poolSize?: number;
}

/** The one set of connection options used by the API, the worker and the migration command. */
export function dataSourceOptions(target: ConnectionTarget): DataSourceOptions {
  const searchPath = target.schema ? `${target.schema},public` : undefined;
  return {
    type: 'postgres',
    ...(target.replicaUrls?.length
      ? {
          replication: {
            master: { url: target.url },
            slaves: target.replicaUrls.map((url) => ({ url })),
            defaultMode: 'master' as const,
          },
        }
      : { url: target.url }),
    schema: target.schema,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    poolSize: target.embedded ? 1 : (target.poolSize ?? 10),
    extra: {
      // node-postgres passes these as startup parameters of every connection.
      options: searchPath ? `-c search_path=${searchPath}` : undefined,
      application_name: 'jcv-platform',
    },
    logging: false,
  };
}
