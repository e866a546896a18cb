import type { EntityManager } from 'typeorm';
import type { Actor } from '@jcv/shared';
import type { ServiceRequestEventKind } from './service-request-event.entity.js';
import type { ServiceRequestStatus } from './service-request-status.enum.js';

export interface HistoryEntry {
  requestId: string;
  kind: ServiceRequestEventKind;
  status: ServiceRequestStatus;
  note?: string | null;
  assigneeId?: string | null;
  rating?: number | null;
  actor: Actor | null;
}

/** Adds a change to a request's history, in the transaction that makes the change. */
export async function recordHistory(em: EntityManager, e: HistoryEntry): Promise<void> {
  await em.query(
    `INSERT INTO service_request_events
       (request_id, kind, status, note, assignee_id, rating, actor_user_id, actor_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.requestId,
      e.kind,
      e.status,
      e.note ?? null,
      e.assigneeId ?? null,
      e.rating ?? null,
      e.actor?.userId ?? null,
      e.actor?.role ?? null,
    ],
  );
}
