import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { type Actor, assertTenantAccess, BadInputError, NotFoundError } from '@jcv/shared';
import { Tenant } from './entities/tenant.entity.js';

@Injectable()
export class TenantsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A tenant the caller may see, or NOT_FOUND / FORBIDDEN. */
  async get(actor: Actor, id: string): Promise<Tenant> {
    assertTenantAccess(actor, id);
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id });
    if (!tenant) throw new NotFoundError('Tenant', id);
    return tenant;
  }

  /** A tenant named in an input; an unknown one is a bad `field`. */
  async requireTenant(id: string, field = 'tenantId'): Promise<Tenant> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id });
    if (!tenant) throw new BadInputError(field, 'is not a registered tenant');
    return tenant;
  }

  /** Batches tenant look-ups of one request; access is the caller's to check. */
  tenantLoader(): DataLoader<string, Tenant | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(Tenant).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((t) => [t.id, t]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
