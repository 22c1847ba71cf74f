/**
 * Signed webhooks (shared/officernd-api.md §8a): when the simulator's data changes it POSTs
 * `{ eventType: "<object>.<action>", data: { object, previousAttributes } }` to a configured URL with
 * `officernd-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of the raw body + "." + t>`, so a
 * receiver's verification and cache invalidation can be tested end to end.
 */

import { createHmac } from 'node:crypto';
import type { V1Collection } from './model.ts';

export interface WebhookOptions {
  /** Where events are POSTed. */
  url: string;
  /** The shared secret (the organization's webhook secret in OfficeRnD's settings). */
  secret: string;
  /** Transport; default the global fetch (tests pass a gateway's in-process fetch). */
  fetch?: typeof fetch;
}

export interface WebhookDelivery {
  eventType: string;
  /** The receiver's HTTP status; 0 when the request failed. */
  status: number;
  /** The raw body sent. */
  body: string;
  signature: string;
}

export type WebhookAction = 'created' | 'updated' | 'removed';

/** §8a event object names: v2 singular names (`company` for a v1 team, `location` for an office). */
export const WEBHOOK_OBJECTS: Readonly<Record<V1Collection, string>> = {
  bookings: 'booking',
  charges: 'charge',
  checkins: 'checkin',
  contracts: 'contract',
  fees: 'fee',
  floors: 'floor',
  issues: 'ticket',
  members: 'member',
  memberships: 'membership',
  offices: 'location',
  passes: 'pass',
  payments: 'payment',
  plans: 'plan',
  rates: 'resourceRate',
  resources: 'resource',
  'resource-types': 'resourceType',
  teams: 'company',
  visits: 'visit',
};

/** The §8a signature header value of `body` at `t` (unix seconds): `t=…,v1=<hex HMAC-SHA256(secret, body + "." + t)>`. */
export function signWebhook(secret: string, body: string, t: number): string {
  const digest = createHmac('sha256', secret).update(`${body}.${t}`).digest('hex');
  return `t=${t},v1=${digest}`;
}

/** Creates a sender that signs and POSTs one event; delivery failures are reported, never thrown. */
export function createWebhookSender(options: WebhookOptions, clock: () => number) {
  const send = options.fetch ?? fetch;
  return async (eventType: string, data: Record<string, unknown>): Promise<WebhookDelivery> => {
    const body = JSON.stringify({ eventType, data });
    const signature = signWebhook(options.secret, body, Math.floor(clock() / 1000));
    try {
      const response = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'officernd-signature': signature },
        body,
      });
      await response.arrayBuffer();
      return { eventType, status: response.status, body, signature };
    } catch {
      return { eventType, status: 0, body, signature };
    }
  };
}
