import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import {
  type Actor,
  applyReach,
  type Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  ForeignReads,
  toConnection,
} from '@jcv/shared';
import { OutputReport } from './output-report.entity.js';
import type { OutputReportFilter } from './output-reports.args.js';

const revisionKey = (r: { tenantId: string; period: string }) => `${r.tenantId}|${r.period}`;

/** What list's zone filter reads of other libs' tables: lib tenants' tenants. */
export const REPORT_LIST_READS = new ForeignReads(import.meta.url, 'list', {
  tenants: ['id', 'zone_id'],
});

/** Reading reports: lists, a tenant's months and a month's revisions. */
@Injectable()
export class OutputReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The latest revision of each month matching the filter, newest month first, of the rows in
   * the caller's reach: a firm's users see their own firm's only, whatever the filter asks.
   */
  async list(
    actor: Actor,
    filter: OutputReportFilter = {},
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<Connection<OutputReport>> {
    const qb = this.dataSource
      .getRepository(OutputReport)
      .createQueryBuilder('r')
      .where('r.latest = true');
    applyReach(qb, actor, 'OutputReport', 'r');
    if (filter.tenantId) qb.andWhere('r.tenantId = :tenantId', { tenantId: filter.tenantId });
    if (filter.zoneId) {
      // Reads lib tenants' tenants (REPORT_LIST_READS).
      qb.andWhere('r.tenantId IN (SELECT t.id FROM tenants t WHERE t.zone_id = :zoneId)', {
        zoneId: filter.zoneId,
      });
    }
    if (filter.year !== undefined && filter.year !== null) {
      qb.andWhere('r.period BETWEEN :fromPeriod AND :toPeriod', {
        fromPeriod: `${filter.year}-01`,
        toPeriod: `${filter.year}-12`,
      });
    }
    if (filter.period) qb.andWhere('r.period = :period', { period: filter.period });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    const totalCount = await qb.getCount();
    if (after) {
      const [period, id] = decodeCursor(after, ['string', 'uuid']);
      qb.andWhere('(r.period < :afterPeriod OR (r.period = :afterPeriod AND r.id > :afterId))', {
        afterPeriod: String(period),
        afterId: String(id),
      });
    }
    const rows = await qb
      .orderBy('r.period', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return toConnection(rows, first, totalCount, (r) => [r.period, r.id]);
  }

  /** Every revision of the month of each given report, oldest first. */
  revisionsLoader(): DataLoader<{ tenantId: string; period: string }, OutputReport[], string> {
    return new DataLoader(
      async (keys) => {
        const rows = await this.dataSource
          .getRepository(OutputReport)
          .createQueryBuilder('r')
          .where(
            '(r.tenant_id, r.period) IN (SELECT k.tenant_id, k.period FROM unnest(CAST(:tenantIds AS uuid[]), CAST(:periods AS text[])) AS k(tenant_id, period))',
            { tenantIds: keys.map((k) => k.tenantId), periods: keys.map((k) => k.period) },
          )
          .orderBy('r.revision', 'ASC')
          .getMany();
        const byKey = new Map<string, OutputReport[]>();
        for (const r of rows) {
          const list = byKey.get(revisionKey(r)) ?? [];
          list.push(r);
          byKey.set(revisionKey(r), list);
        }
        return keys.map((k) => byKey.get(revisionKey(k)) ?? []);
      },
      { cacheKeyFn: revisionKey },
    );
  }

  /** The latest revision of each month of each tenant, in one year or all years, by month. */
  latestByTenantLoader(year?: number | null): DataLoader<string, OutputReport[]> {
    return new DataLoader(async (tenantIds) => {
      const qb = this.dataSource
        .getRepository(OutputReport)
        .createQueryBuilder('r')
        .where('r.latest = true')
        .andWhere('r.tenant_id = ANY(CAST(:tenantIds AS uuid[]))', { tenantIds: [...tenantIds] });
      if (year !== undefined && year !== null) {
        qb.andWhere('r.period BETWEEN :fromPeriod AND :toPeriod', {
          fromPeriod: `${year}-01`,
          toPeriod: `${year}-12`,
        });
      }
      const rows = await qb.orderBy('r.period', 'ASC').getMany();
      const byTenant = new Map<string, OutputReport[]>(tenantIds.map((id) => [id, []]));
      for (const r of rows) byTenant.get(r.tenantId)?.push(r);
      return tenantIds.map((id) => byTenant.get(id) ?? []);
    });
  }
}
