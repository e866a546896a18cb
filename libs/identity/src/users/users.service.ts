import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jcv/config';
import { AuditService } from '@jcv/audit';
import { explainConstraint } from '@jcv/database';
import { type Actor, BadInputError, NotFoundError, Role, TENANT_ROLES } from '@jcv/shared';
import { User } from './user.entity.js';
import { hashPassword } from '../auth/passwords.js';
import type { CreateUserInput } from './create-user.input.js';

@Injectable()
export class UsersService {
  private readonly log = new Logger(UsersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async findById(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async create(
    actor: Actor | null,
    input: CreateUserInput,
    operation = 'createUser',
  ): Promise<User> {
    const isTenantRole = TENANT_ROLES.includes(input.role);
    if (isTenantRole && !input.tenantId) {
      throw new BadInputError('tenantId', `is required for ${input.role}`);
    }
    if (!isTenantRole && input.tenantId) {
      throw new BadInputError('tenantId', 'is only for TENANT_ADMIN and TENANT_REPORTER');
    }
    if (input.role === Role.SERVICE_PROVIDER && !input.serviceProviderId) {
      throw new BadInputError('serviceProviderId', 'is required for SERVICE_PROVIDER');
    }
    if (input.role !== Role.SERVICE_PROVIDER && input.serviceProviderId) {
      throw new BadInputError('serviceProviderId', 'is only for SERVICE_PROVIDER');
    }
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(User);
        const user = await repo.save(
          repo.create({
            email: input.email.trim(),
            displayName: input.displayName.trim(),
            role: input.role,
            passwordHash,
            tenantId: input.tenantId ?? null,
            serviceProviderId: input.serviceProviderId ?? null,
          }),
        );
        const { passwordHash: _hidden, ...after } = user;
        await this.audit.record(em, { actor, operation, entity: 'User', entityId: user.id, after });
        return user;
      });
    } catch (err) {
      throw (await explainConstraint(err, { email: input.email })) ?? err;
    }
  }

  /**
   * The first ADMIN comes from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD when the database
   * holds no users; in production a new database without them refuses to start.
   */
  async bootstrapAdmin(): Promise<User | null> {
    const count = await this.dataSource.getRepository(User).count();
    if (count > 0) return null;
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.config;
    if (!email || !password) {
      throw new Error(
        'The database has no users: set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD to create the first ADMIN',
      );
    }
    const user = await this.create(
      null,
      { email, password, displayName: 'Park administrator', role: Role.ADMIN },
      'bootstrapAdmin',
    );
    this.log.log(`created the first ADMIN ${email}`);
    return user;
  }
}
