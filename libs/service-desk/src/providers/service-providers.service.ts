import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@jcv/audit';
import { explainConstraint } from '@jcv/database';
import { type Actor, BadInputError, isUuid } from '@jcv/shared';
import { ServiceProvider } from './service-provider.entity.js';
import type { CreateServiceProviderInput } from './create-service-provider.input.js';

@Injectable()
export class ServiceProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ServiceProvider[]> {
    return this.dataSource.getRepository(ServiceProvider).find({ order: { name: 'ASC' } });
  }

  async create(actor: Actor, input: CreateServiceProviderInput): Promise<ServiceProvider> {
    const name = input.name.trim();
    if (!name) throw new BadInputError('name', 'must not be blank');
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(ServiceProvider);
        const provider = await repo.save(
          repo.create({ name, categories: input.categories, createdBy: actor.userId }),
        );
        await this.audit.record(em, {
          actor,
          operation: 'createServiceProvider',
          entity: 'ServiceProvider',
          entityId: provider.id,
          after: provider,
        });
        return provider;
      });
    } catch (err) {
      throw (await explainConstraint(err, { name })) ?? err;
    }
  }

  /** A provider named in an input; an unknown one is a bad `field`. */
  async require(id: string, field = 'providerId'): Promise<ServiceProvider> {
    const provider = isUuid(id)
      ? await this.dataSource.getRepository(ServiceProvider).findOneBy({ id })
      : null;
    if (!provider) throw new BadInputError(field, 'is not a registered service provider');
    return provider;
  }

  providerLoader(): DataLoader<string, ServiceProvider | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource
        .getRepository(ServiceProvider)
        .findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
