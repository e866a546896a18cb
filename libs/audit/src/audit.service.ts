import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget } from 'typeorm';
import {
  type Actor,
  type Connection,
  currentRequestId,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  toConnection,
} from '@jcv/shared';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  actor: Actor | null;
  operation: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|token|secret|hash/i;

/** Copies a record for the audit trail, leaving out anything secret. */
function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key && SECRET_KEYS.test(key) ? undefined : v)),
  );
}

const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a change with the entity manager of the transaction that makes it, so the event and
   * the change are committed, or rolled back, together.
   */
  /**
   * A correction in the caller's transaction: writes the changed columns only, reads the row back
   * and records it with what it was.
   */
  async recordUpdate<T extends { id: string }>(
    manager: EntityManager,
    target: EntityTarget<T>,
    before: T,
    changes: Partial<T>,
    entry: Pick<AuditEntry, 'actor' | 'operation' | 'entity'>,
  ): Promise<T> {
    const repo = manager.getRepository(target);
    await repo.update(before.id, changes as never);
    const after = await repo.findOneByOrFail({ id: before.id } as never);
    await this.record(manager, { ...entry, entityId: before.id, before, after });
    return after;
  }

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (actor_user_id, actor_role, operation, entity, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actor?.userId ?? null,
        entry.actor?.role ?? null,
        entry.operation,
        entry.entity,
        entry.entityId ?? null,
        json(snapshot(entry.before)),
        json(snapshot(entry.after)),
        currentRequestId() ?? null,
      ],
    );
  }

  /** Newest first. */
  async list(
    filter: { entity?: string; entityId?: string },
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<Connection<AuditEvent>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (filter.entity) qb.andWhere('e.entity = :entity', { entity: filter.entity });
    if (filter.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    const totalCount = await qb.getCount();
    if (after) {
      const [id] = decodeCursor(after, ['bigint']);
      qb.andWhere('e.id < :afterId', { afterId: String(id) });
    }
    const rows = await qb
      .orderBy('e.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return toConnection(rows, first, totalCount, (r) => [r.id]);
  }
}
