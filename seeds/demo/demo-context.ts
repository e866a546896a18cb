import type { Actor } from '@jcv/shared';

/** What every demo loader gets: the park and the ADMIN acting for the demo. */
export interface DemoContext {
  parkId: string;
  admin: Actor;
  /** The demo's "today": figures are made up to the month before it. */
  today: string;
}
