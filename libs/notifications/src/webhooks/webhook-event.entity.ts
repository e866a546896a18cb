import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { WebhookEventType } from '../notification-kinds.js';

/**
 * One event as the outbox wrote it, in the transaction of the change: its id is the webhook-id
 * of every attempt to every endpoint, and its body the exact bytes that are signed and sent.
 */
@Entity('webhook_events')
export class WebhookEvent {
  /** `msg_` and 26 base32 characters. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  type: WebhookEventType;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
