import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { type Actor, applyReach } from '@jcv/shared';
import { IndustrializationProject } from './industrialization-project.entity.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { RecordProjectInput } from './record-project.input.js';

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
  ) {}

  /** The project counts in its firm's zone as it is when the project is recorded. */
  async record(actor: Actor, input: RecordProjectInput): Promise<IndustrializationProject> {
    return this.dataSource.transaction(async (em) => {
      const tenant = await this.tenants.requireTenant(input.tenantId, 'tenantId', em);
      const repo = em.getRepository(IndustrializationProject);
      const project = await repo.save(
        repo.create({
          tenantId: tenant.id,
          zoneId: tenant.zoneId,
          name: input.name.trim(),
          stage: input.stage,
          cultivatedOn: input.cultivatedOn ?? null,
        }),
      );
      await this.audit.record(em, {
        actor,
        operation: 'recordIndustrializationProject',
        entity: 'IndustrializationProject',
        entityId: project.id,
        after: project,
      });
      return project;
    });
  }

  /**
   * Projects cultivated in `year` (all projects, also those not yet cultivated, when left out);
   * the caller's reach limits it (a firm's administrator sees its own firm's).
   */
  list(actor: Actor, year?: number): Promise<IndustrializationProject[]> {
    const qb = this.dataSource.getRepository(IndustrializationProject).createQueryBuilder('p');
    applyReach(qb, actor, 'IndustrializationProject', 'p');
    if (year !== undefined && year !== null) {
      qb.andWhere('p.cultivated_on BETWEEN :from AND :to', {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      });
    }
    return qb
      .orderBy('p.cultivated_on', 'ASC', 'NULLS LAST')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }
}
