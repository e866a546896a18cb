import { describe, expect, it } from '@jest/globals';
import { WEBHOOK_EVENT_TYPES } from '@jcv/notifications';
import { NEXT_STATUSES, ServiceCategory, ServiceRequestStatus } from '@jcv/service-desk';
import {
  NEXT_STATUSES as CONSOLE_NEXT_STATUSES,
  REQUEST_STATUSES,
  SERVICE_CATEGORIES,
} from '../../apps/console/src/lib/service-requests.js';
import { WEBHOOK_EVENT_TYPES as CONSOLE_EVENT_TYPES } from '../../apps/console/src/pages/webhooks/webhook-rules.js';

/**
 * Where the console repeats a rule of the API to offer only what the API will take, the two
 * must not drift apart: a move the console offers and the API refuses, or one it hides though
 * the API allows it, is a bug a user meets.
 */
describe('the console’s copy of the API’s rules', () => {
  it('offers the service requests’ moves of the API’s state machine, and no other', () => {
    expect(CONSOLE_NEXT_STATUSES).toEqual(
      Object.fromEntries(Object.entries(NEXT_STATUSES).map(([s, next]) => [s, [...next]])),
    );
  });

  it('knows every status and category the API has', () => {
    expect([...REQUEST_STATUSES].sort()).toEqual(Object.values(ServiceRequestStatus).sort());
    expect([...SERVICE_CATEGORIES].sort()).toEqual(Object.values(ServiceCategory).sort());
  });

  it('offers every webhook event type the API takes, in the same order', () => {
    expect([...CONSOLE_EVENT_TYPES]).toEqual([...WEBHOOK_EVENT_TYPES]);
  });
});
