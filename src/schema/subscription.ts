/**
 * `subscription { officerndChanged(collections: [...]) { ... } }`: verified OfficeRnD changes as they reach the
 * gateway (its webhook endpoint, §8a; through Redis from the other replicas when REDIS_URL is set), over Yoga's
 * built-in server-sent events (`Accept: text/event-stream`). It says what changed, not the object: a client reads
 * what it shows again. Nothing is read from OfficeRnD for a subscription.
 */

import { type Plugin, Repeater, SlidingBuffer } from 'graphql-yoga';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { LIST_COLLECTIONS, type ListCollection } from '../officernd/collections.ts';

/** One verified change, as the gateway's event bus carries it (src/webhooks/events.ts). */
export interface ChangeEvent {
  eventType: string;
  action: string;
  collection: ListCollection | null;
  id: string | null;
}

/** Where changes come from: the gateway's event bus. */
export interface ChangeSource {
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}

/** What a subscriber receives. */
export interface Change {
  event: ChangeEvent;
  time: Date;
}

/** Changes a slow subscriber may fall behind by; older ones are dropped (it refetches anyway). */
const BUFFERED_CHANGES = 100;

interface ChangesContext {
  officerndChanges?: { source: ChangeSource; closing?: AbortSignal; now: () => Date };
}

/** Gives the subscription the gateway's changes; `closing` ends every stream (the server shutting down). */
export function useChangeFeed(
  source: ChangeSource,
  options: { closing?: AbortSignal; now?: () => Date } = {},
): Plugin<ChangesContext> {
  const feed = {
    source,
    now: options.now ?? (() => new Date()),
    ...(options.closing ? { closing: options.closing } : {}),
  };
  return {
    onContextBuilding({ extendContext }) {
      extendContext({ officerndChanges: feed });
    },
  };
}

const enumName = (collection: ListCollection): string => collection.replaceAll('-', '_').toUpperCase();

export const OfficeRnDCollection = builder.enumType('OfficeRnDCollection', {
  description: 'An OfficeRnD collection (one of the lists of the graph), as named in change events.',
  values: Object.fromEntries(
    LIST_COLLECTIONS.map((collection) => [
      enumName(collection),
      { value: collection, description: `OfficeRnD's \`${collection}\`.` },
    ]),
  ) as Record<string, { value: ListCollection; description: string }>,
});

const ChangeType = builder.objectRef<Change>('OfficeRnDChange').implement({
  description:
    'Something changed in OfficeRnD: a verified webhook event (shared/officernd-api.md §8a). It names the object, not its new state: read it again.',
  fields: (t) => ({
    collection: t.field({
      type: OfficeRnDCollection,
      description: 'The collection of the changed object; null for an event type the gateway does not know.',
      resolve: (change) => change.event.collection,
    }),
    id: t.id({
      description: 'The OfficeRnD id of the changed object, when the event names one.',
      resolve: (change) => change.event.id,
    }),
    eventType: t.string({
      nullable: false,
      description: 'The event type as OfficeRnD sent it, e.g. `booking.created` or `member.updated`.',
      resolve: (change) => change.event.eventType,
    }),
    action: t.string({
      nullable: false,
      description: 'The part of the event type after the object: `created`, `updated`, `removed`…',
      resolve: (change) => change.event.action,
    }),
    time: t.field({
      type: 'DateTime',
      nullable: false,
      description: 'When the gateway received the event.',
      resolve: (change) => change.time,
    }),
  }),
});

builder.subscriptionType({
  description: 'Live updates, over server-sent events: send the subscription with `Accept: text/event-stream`.',
});

builder.subscriptionField('officerndChanged', (t) =>
  t.field({
    type: ChangeType,
    nullable: false,
    description:
      'Every verified OfficeRnD change from now on (webhooks at POST /webhooks/officernd; silent while OFFICERND_WEBHOOK_SECRET is unset). Dashboards refetch the panels a change touches.',
    args: {
      collections: t.arg({
        type: [OfficeRnDCollection],
        required: false,
        description:
          'Only changes to objects of these collections (default: every change, unknown event types included).',
      }),
    },
    subscribe: (_root, args, context: Context & ChangesContext) => {
      const feed = context.officerndChanges;
      const wanted = args.collections ? new Set<string>(args.collections) : null;
      return new Repeater<Change>(async (push, stop) => {
        if (!feed) {
          stop();
          return;
        }
        const unsubscribe = feed.source.subscribe((event) => {
          if (wanted && (event.collection === null || !wanted.has(event.collection))) return;
          void push({ event, time: feed.now() });
        });
        const end = (): void => stop();
        feed.closing?.addEventListener('abort', end);
        context.signal.addEventListener('abort', end);
        await stop;
        unsubscribe();
        feed.closing?.removeEventListener('abort', end);
        context.signal.removeEventListener('abort', end);
      }, new SlidingBuffer(BUFFERED_CHANGES));
    },
    resolve: (change) => change,
  }),
);
