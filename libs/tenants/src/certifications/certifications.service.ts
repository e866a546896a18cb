import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { explainConstraint } from '@jcv/database';
import { type Actor, BadInputError } from '@jcv/shared';
import { Certification } from './certification.entity.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { AddCertificationInput } from './add-certification.input.js';

@Injectable()
export class CertificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, input: AddCertificationInput): Promise<Certification> {
    if (input.expiresOn && input.expiresOn < input.issuedOn) {
      throw new BadInputError('expiresOn', `must not be before issuedOn (${input.issuedOn})`);
    }
    await this.tenants.requireTenant(input.tenantId);
    const certificateNo = input.certificateNo.trim();
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Certification);
        const certification = await repo.save(
          repo.create({
            tenantId: input.tenantId,
            kind: input.kind,
            certificateNo,
            issuedOn: input.issuedOn,
            expiresOn: input.expiresOn ?? null,
          }),
        );
        await this.audit.record(em, {
          actor,
          operation: 'addCertification',
          entity: 'Certification',
          entityId: certification.id,
          after: certification,
        });
        return certification;
      });
    } catch (err) {
      throw (await explainConstraint(err, { kind: input.kind, certificateNo })) ?? err;
    }
  }

  /** A firm's certifications, oldest first, batched per request. */
  byTenantLoader(): DataLoader<string, Certification[]> {
    return new DataLoader(async (tenantIds) => {
      const rows = await this.dataSource.getRepository(Certification).find({
        where: { tenantId: In([...tenantIds]) },
        order: { issuedOn: 'ASC', kind: 'ASC', id: 'ASC' },
      });
      const byTenant = new Map<string, Certification[]>();
      for (const c of rows) byTenant.set(c.tenantId, [...(byTenant.get(c.tenantId) ?? []), c]);
      return tenantIds.map((id) => byTenant.get(id) ?? []);
    });
  }
}
