/**
 * The in-process bus of verified OfficeRnD changes: the webhook endpoint publishes, the caches (and later the
 * dashboard's subscriptions) listen. Built once per gateway and injected; listeners run synchronously, in order.
 */

import type { ListCollection } from '../officernd/collections.ts';

/** One verified webhook event (§8a body: `{ eventType, data: { object, previousAttributes } }`). */
export interface OfficeRnDEvent {
  /** As sent, e.g. `member.updated` or `member.paymentdetails.removed`. */
  eventType: string;
  /** The part before the first dot: `member`. */
  object: string;
  /** The rest: `updated`. */
  action: string;
  /** Our collection for the object, or null for an event type we do not know. */
  collection: ListCollection | null;
  /** `data.object._id` (or `id`), when the event names one. */
  id: string | null;
  data: unknown;
  /** Where the event came from: this process's endpoint, or another replica (through Redis). */
  origin: 'local' | 'remote';
}

export type EventListener = (event: OfficeRnDEvent) => void;

export interface EventBus {
  publish(event: OfficeRnDEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

/** Creates an empty bus; a failing listener is reported to `onError` and does not stop the others. */
export function createEventBus(onError: (error: unknown) => void = () => undefined): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
