import { replicaReadAllowed } from '@jcv/shared';

/**
 * Users whose own mutation ended lately, and when. Kept in the memory of one API process: a
 * user whose next request reaches another process (several API processes behind a balancer)
 * is not known there as a recent writer, so read-your-writes holds per process; a balancer
 * that keeps a user on one process (sticky sessions) makes it hold throughout.
 */
export class RecentWriters {
  private readonly at = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Called when a user's mutation has ended (its transactions committed or rolled back). */
  mark(userId: string, windowSeconds: number): void {
    const now = this.now();
    this.at.set(userId, now);
    // Entries past every window go, so the map holds only the writers of the last moments.
    if (this.at.size > 1000) {
      for (const [id, t] of this.at) if (now - t >= windowSeconds * 1000) this.at.delete(id);
    }
  }

  /** Whether the user wrote less than `windowSeconds` ago. */
  isRecent(userId: string, windowSeconds: number): boolean {
    const t = this.at.get(userId);
    if (t === undefined) return false;
    if (this.now() - t < windowSeconds * 1000) return true;
    this.at.delete(userId);
    return false;
  }
}

/** The API process's writers: the GraphQL layer marks them, the data source reads them. */
export const recentWriters = new RecentWriters();

export interface ReadRouting {
  /** No replicas: every statement on the primary. */
  replicas: number;
  stickySeconds: number;
  writers?: RecentWriters;
}

/**
 * Where a statement sent outside a transaction goes: a replica only within a GraphQL query
 * (RequestContext.readOnly), outside onPrimary, and not for a user who wrote within the
 * sticky window. Everything else, mutations, the worker, migrations and start-up included,
 * stays on the primary.
 */
export function readMode(routing: ReadRouting): 'master' | 'slave' {
  if (!routing.replicas) return 'master';
  const allowed = replicaReadAllowed();
  if (!allowed) return 'master';
  const writers = routing.writers ?? recentWriters;
  if (allowed.actorId && writers.isRecent(allowed.actorId, routing.stickySeconds)) return 'master';
  return 'slave';
}
