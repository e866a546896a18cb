import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  DataSource,
  type DataSourceOptions,
  type QueryRunner,
  type ReplicationMode,
} from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded.js';
import { type ReadRouting, readMode } from './read-routing.js';
import { StatementCounter } from './statement-counter.js';

/**
 * A data source that also stops the embedded PostgreSQL it runs on when it is closed, and that
 * sends the reads of a GraphQL query to a replica when there are replicas (see readMode).
 *
 * TypeORM asks a fresh query runner for every statement sent outside a transaction: raw SQL
 * (`dataSource.query`, `dataSource.manager.query`) through query(), entity reads (find, query
 * builders) through defaultReplicationModeForReads(). A transaction holds one runner on the
 * primary from its start, and writes (save, update, insert builders) always take the primary:
 * neither passes here.
 */
class OwnedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly afterDestroy: () => Promise<void>,
    private readonly routing: ReadRouting = { replicas: 0, stickySeconds: 0 },
  ) {
    super(options);
  }

  override async query<T = unknown>(
    sql: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): Promise<T> {
    if (queryRunner || readMode(this.routing) === 'master') {
      return super.query(sql, parameters, queryRunner);
    }
    const replica = this.createQueryRunner('slave');
    try {
      return await replica.query(sql, parameters);
    } finally {
      await replica.release();
    }
  }

  override defaultReplicationModeForReads(): ReplicationMode {
    return readMode(this.routing);
  }

  override async destroy(): Promise<void> {
    try {
      if (this.isInitialized) await super.destroy();
    } finally {
      await this.afterDestroy();
    }
  }
}

/**
 * Opens the database named by the configuration (a server at DATABASE_URL, or the embedded one
 * under DATA_DIR) and brings its schema up to date with the migrations before anything is served.
 */
export async function openDataSource(config: AppConfig, options: Partial<DataSourceOptions> = {}) {
  const log = new Logger('Database');
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? embedded!.url;
  const base = dataSourceOptions({
    url,
    embedded: !!embedded,
    schema: config.databaseSchema,
    replicaUrls: config.databaseReplicaUrls,
    poolSize: config.databasePoolSize,
  });
  const counting = config.sqlStatementCount
    ? { logging: ['query', 'error'] as const, logger: new StatementCounter() }
    : {};
  const dataSource = new OwnedDataSource(
    { ...base, ...counting, ...options } as DataSourceOptions,
    async () => {
      await embedded?.stop();
    },
    { replicas: config.databaseReplicaUrls.length, stickySeconds: config.replicaStickySeconds },
  );
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log.log(`applied ${applied.length} migration(s)`);
  } catch (err) {
    await dataSource.destroy().catch(() => undefined);
    throw err;
  }
  log.log(
    embedded
      ? `embedded PostgreSQL (${config.dataDir})`
      : config.databaseReplicaUrls.length
        ? `PostgreSQL server, reads of queries on ${config.databaseReplicaUrls.length} replica(s)`
        : 'PostgreSQL server',
  );
  return dataSource;
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // The connection is described once, in dataSourceOptions(); Nest adds the entities that
      // the domain modules register, and the configuration rides along to the factory below.
      useFactory: (config: AppConfig) =>
        ({
          type: 'postgres',
          autoLoadEntities: true,
          retryAttempts: 0,
          appConfig: config,
        }) as never,
      dataSourceFactory: async (options) => {
        const { appConfig, ...rest } = options as DataSourceOptions & { appConfig: AppConfig };
        return openDataSource(appConfig, { entities: rest.entities });
      },
    }),
  ],
})
export class DatabaseModule {}
