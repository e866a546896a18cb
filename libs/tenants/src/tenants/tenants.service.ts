import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { explainConstraint } from '@jcv/database';
import { OutboxService } from '@jcv/notifications';
import { ParkService } from '@jcv/park';
import {
  type Actor,
  BadInputError,
  ConflictError,
  type Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  findInReach,
  NotFoundError,
  reachCondition,
  type RequestLoaders,
  toConnection,
  todayInShanghai,
} from '@jcv/shared';
import { Tenant } from './tenant.entity.js';
import { TenantKind, TenantStatus } from '../tenant.enum.js';
import { incubationStageSql } from '../incubation/incubation.js';
import type { RegisterTenantInput } from './register-tenant.input.js';
import type { ExitTenantInput } from './exit-tenant.input.js';
import type { UpdateTenantInput } from './update-tenant.input.js';
import type { TenantFilter } from './tenants.args.js';

/**
 * Work another capability does in the transaction that records a firm's exit (space ends the
 * leases that outlast it). Registered at start-up, so tenants need not know the capabilities
 * built on them.
 */
export type TenantExitHook = (
  em: EntityManager,
  actor: Actor,
  tenant: Tenant,
  before: Tenant,
) => Promise<void>;

/** The fields of a correction that hold a value on every tenant, so null is no correction. */
const REQUIRED_FIELDS = ['name', 'kind', 'industryChain', 'isTechFirm'] as const;

/** 成立日期: not after the day the tenant entered the park, nor after today. */
function checkFoundedOn(foundedOn: string | null | undefined, enteredOn: string): void {
  if (!foundedOn) return;
  const today = todayInShanghai();
  if (foundedOn > today) throw new BadInputError('foundedOn', `must not be after today (${today})`);
  if (foundedOn > enteredOn) {
    throw new BadInputError('foundedOn', `must not be after enteredOn (${enteredOn})`);
  }
}

/**
 * A tenant as a list reads it: every column the GraphQL type and the resolvers below it use,
 * dates as the "YYYY-MM-DD" strings the entity holds. The row's timestamps are left out: no
 * field shows them.
 */
export type TenantRow = Omit<Tenant, 'createdAt' | 'updatedAt'>;

const TENANT_COLUMNS = `t.id, t.name, t.kind, t.credit_code AS "creditCode", t.zone_id AS "zoneId",
  t.industry_chain AS "industryChain", t.is_tech_firm AS "isTechFirm",
  t.entered_on::text AS "enteredOn", t.exited_on::text AS "exitedOn",
  t.founded_on::text AS "foundedOn", t.status`;

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class TenantsService {
  private readonly exitHooks: TenantExitHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly park: ParkService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** A tenant the caller may see, or NOT_FOUND / FORBIDDEN. */
  async get(actor: Actor, id: string): Promise<Tenant> {
    const tenant = await this.find(actor, id);
    if (!tenant) throw new NotFoundError('Tenant', id);
    return tenant;
  }

  /**
   * `tenant(id)`: a firm out of the caller's reach is FORBIDDEN whether or not it exists, so
   * that ids cannot be probed; an unknown id is null for the committee.
   */
  async find(actor: Actor, id: string): Promise<Tenant | null> {
    const qb = this.dataSource.getRepository(Tenant).createQueryBuilder('t');
    return findInReach(qb, actor, 'Tenant', 't', id);
  }

  /** A tenant named in an input; an unknown one is a bad `field`. */
  async requireTenant(id: string, field = 'tenantId', em?: EntityManager): Promise<Tenant> {
    const tenant = await (em ?? this.dataSource.manager).getRepository(Tenant).findOneBy({ id });
    if (!tenant) throw new BadInputError(field, 'is not a registered tenant');
    return tenant;
  }

  /**
   * The request's tenant loader: every edge to a tenant shares it, so one request loads each
   * tenant once, in one statement per batch. The access policy limits what each edge shows.
   */
  tenantById(loaders: RequestLoaders): DataLoader<string, Tenant | null> {
    return loaders.get('tenantById', () => this.tenantLoader());
  }

  /** Batches tenant look-ups of one request; the access policy limits what edges show. */
  tenantLoader(): DataLoader<string, Tenant | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Tenant).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((t) => [t.id, t]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /**
   * By name; the caller's reach limits it (a firm's users get their own firm only). One
   * statement reads the page and, when `count` is asked, the total beside it; rows come back
   * as plain objects of the entity's shape, without TypeORM's hydration.
   */
  async list(
    actor: Actor,
    filter: TenantFilter = {},
    first = DEFAULT_PAGE_SIZE,
    after?: string,
    { count = true }: { count?: boolean } = {},
  ): Promise<Connection<TenantRow>> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const and = (sql: string, values: Record<string, unknown> = {}) => {
      where.push(`(${sql})`);
      Object.assign(params, values);
    };
    const reach = reachCondition(actor, 'Tenant', 't');
    if (reach) and(reach.sql, reach.params);
    if (filter.zoneId) and('t.zone_id = :zoneId', { zoneId: filter.zoneId });
    if (filter.status) and('t.status = :status', { status: filter.status });
    if (filter.industryChain) and('t.industry_chain = :chain', { chain: filter.industryChain });
    if (filter.enteredInYear !== undefined && filter.enteredInYear !== null) {
      and('t.entered_on BETWEEN :from AND :to', {
        from: `${filter.enteredInYear}-01-01`,
        to: `${filter.enteredInYear}-12-31`,
      });
    }
    if (filter.nameContains) {
      and(`t.name ILIKE :pattern ESCAPE '\\'`, { pattern: likePattern(filter.nameContains) });
    }
    if (filter.incubationStage) {
      // The rule of Tenant.incubation, on the same day with the same months.
      and(incubationStageSql('t', filter.incubationStage, ':incubationDay', ':incubationMonths'), {
        incubationDay: todayInShanghai(),
        incubationMonths: this.config.incubationMonths,
      });
    }
    const matching = where.length ? where.join(' AND ') : 'true';
    const page = [...where];
    if (after) {
      const [name, id] = decodeCursor(after, ['string', 'uuid']);
      page.push('(t.name, t.id) > (:afterName, :afterId)');
      Object.assign(params, { afterName: String(name), afterId: String(id) });
    }
    // The total is of the whole list, not of what follows the cursor: a subquery of its own,
    // evaluated once, rather than count(*) over the page's rows. It stays on the rows (no field
    // of Tenant shows it): deleting it would only slow every later read of them.
    const countSql = `SELECT count(*)::int AS "totalCount" FROM tenants t WHERE ${matching}`;
    const rows = await this.rawQuery<TenantRow & { totalCount?: number }>(
      `SELECT ${count ? `(${countSql}) AS "totalCount", ` : ''}${TENANT_COLUMNS}
         FROM tenants t WHERE ${page.length ? page.join(' AND ') : 'true'}
        ORDER BY t.name ASC, t.id ASC LIMIT :pageLimit`,
      { ...params, pageLimit: first + 1 },
    );
    let totalCount = 0;
    if (count && rows.length) totalCount = rows[0].totalCount!;
    else if (count && after) {
      // Past the end of the list: the page has no row to carry the total.
      const [{ totalCount: n }] = await this.rawQuery<{ totalCount: number }>(countSql, params);
      totalCount = n;
    }
    return toConnection(rows, first, totalCount, (t) => [t.name, t.id]);
  }

  /** Raw SQL with TypeORM's `:name` parameters, through the data source (and its read routing). */
  private rawQuery<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query<T[]>(query, values);
  }

  async register(actor: Actor, input: RegisterTenantInput): Promise<Tenant> {
    const creditCode = input.creditCode ?? null;
    if (input.kind === TenantKind.FIRM && !creditCode) {
      throw new BadInputError('creditCode', 'is required for a FIRM');
    }
    if (input.kind === TenantKind.TEAM && creditCode) {
      throw new BadInputError('creditCode', 'must be left out for a TEAM until it incorporates');
    }
    checkFoundedOn(input.foundedOn, input.enteredOn);
    const zone = await this.park.requireZone(input.zoneId);
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Tenant);
        const tenant = await repo.save(
          repo.create({
            name: input.name.trim(),
            kind: input.kind,
            creditCode,
            zoneId: input.zoneId,
            industryChain: input.industryChain,
            isTechFirm: input.isTechFirm,
            enteredOn: input.enteredOn,
            foundedOn: input.foundedOn ?? null,
            exitedOn: null,
            status: TenantStatus.RESIDENT,
          }),
        );
        await this.audit.record(em, {
          actor,
          operation: 'registerTenant',
          entity: 'Tenant',
          entityId: tenant.id,
          after: tenant,
        });
        await this.outbox.emit(em, 'tenant.registered', {
          tenantId: tenant.id,
          name: tenant.name,
          creditCode: tenant.creditCode,
          zone: zone.code,
        });
        return tenant;
      });
    } catch (err) {
      throw (await explainConstraint(err, { creditCode })) ?? err;
    }
  }

  /**
   * Corrects what was mistyped: only the fields given change. A TEAM incorporates by giving kind
   * FIRM with its creditCode; a FIRM never turns back into a TEAM (its code stays on record).
   * The row is locked so that two corrections of one tenant audit what each really changed.
   */
  async update(actor: Actor, input: UpdateTenantInput): Promise<Tenant> {
    for (const field of REQUIRED_FIELDS) {
      if (input[field] === null) throw new BadInputError(field, 'must not be null');
    }
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Tenant);
        const before = await repo.findOne({
          where: { id: input.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!before) throw new BadInputError('id', 'is not a registered tenant');
        const kind = input.kind ?? before.kind;
        if (before.kind === TenantKind.FIRM && kind === TenantKind.TEAM) {
          throw new BadInputError('kind', 'a FIRM cannot become a TEAM');
        }
        const changes: Partial<Tenant> = {};
        if (kind !== before.kind) changes.kind = kind;
        if (input.creditCode !== undefined) {
          if (kind === TenantKind.TEAM && input.creditCode) {
            throw new BadInputError(
              'creditCode',
              'must be left out for a TEAM; give it with kind FIRM when the team incorporates',
            );
          }
          if (kind === TenantKind.FIRM && !input.creditCode) {
            throw new BadInputError('creditCode', 'is required for a FIRM');
          }
          changes.creditCode = input.creditCode;
        } else if (changes.kind === TenantKind.FIRM) {
          throw new BadInputError('creditCode', 'is required when a TEAM becomes a FIRM');
        }
        if (input.name !== undefined && input.name !== null) changes.name = input.name.trim();
        if (input.industryChain) changes.industryChain = input.industryChain;
        if (typeof input.isTechFirm === 'boolean') changes.isTechFirm = input.isTechFirm;
        if (input.foundedOn !== undefined) {
          checkFoundedOn(input.foundedOn, before.enteredOn);
          changes.foundedOn = input.foundedOn;
        }
        const changed = (Object.keys(changes) as (keyof Tenant)[]).some(
          (k) => changes[k] !== before[k],
        );
        // Nothing to correct: no write and no audit event.
        if (!changed) return before;
        return this.audit.recordUpdate(em, Tenant, before, changes, {
          actor,
          operation: 'updateTenant',
          entity: 'Tenant',
        });
      });
    } catch (err) {
      throw (await explainConstraint(err, { creditCode: input.creditCode })) ?? err;
    }
  }

  /** Adds work to the exit transaction (see TenantExitHook). */
  onExit(hook: TenantExitHook): void {
    this.exitHooks.push(hook);
  }

  /** Records that a firm left; it keeps its history (reports, certifications, past leases). */
  async exit(actor: Actor, input: ExitTenantInput): Promise<Tenant> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(Tenant);
      const before = await repo.findOne({
        where: { id: input.tenantId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw new BadInputError('tenantId', 'is not a registered tenant');
      if (before.status !== TenantStatus.RESIDENT) {
        throw new ConflictError(
          `${before.name} already left the park on ${before.exitedOn} (${before.status})`,
        );
      }
      if (input.exitedOn < before.enteredOn) {
        throw new BadInputError('exitedOn', `must not be before enteredOn (${before.enteredOn})`);
      }
      await repo.update({ id: before.id }, { exitedOn: input.exitedOn, status: input.status });
      const tenant = await repo.findOneByOrFail({ id: before.id });
      for (const hook of this.exitHooks) await hook(em, actor, tenant, before);
      await this.audit.record(em, {
        actor,
        operation: 'exitTenant',
        entity: 'Tenant',
        entityId: tenant.id,
        before,
        after: tenant,
      });
      await this.outbox.emit(em, 'tenant.exited', {
        tenantId: tenant.id,
        name: tenant.name,
        exitedOn: tenant.exitedOn,
        status: tenant.status,
      });
      return tenant;
    });
  }
}
