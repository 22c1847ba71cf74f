/**
 * Webhook events reach every replica: a verified event received here is published on a Redis channel, and events
 * published by the other replicas come back onto this replica's bus (origin `remote`), where the caches drop what
 * they name. While Redis is away each replica hears only its own webhooks (its caches still expire by TTL).
 */

import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { EventBus, OfficeRnDEvent } from '../webhooks/events.ts';
import type { RedisLink } from './redis.ts';

interface Envelope {
  from: string;
  event: OfficeRnDEvent;
}

/** Bridges the bus and the channel; returns the function that stops it. */
export function bridgeEvents(link: RedisLink, bus: EventBus, logger: Logger): () => void {
  const channel = `${link.prefix}:events`;
  const self = randomUUID();
  const unsubscribe = bus.subscribe((event) => {
    if (event.origin !== 'local') return;
    const message = JSON.stringify({ from: self, event } satisfies Envelope);
    void link.attempt(
      'publish',
      (redis) => redis.publish(channel, message),
      () => 0,
    );
  });
  const onMessage = (from: string, text: string): void => {
    if (from !== channel) return;
    try {
      const envelope = JSON.parse(text) as Envelope;
      if (envelope.from === self) return;
      bus.publish({ ...envelope.event, origin: 'remote' });
    } catch (error) {
      logger.warn('redis: unreadable event message', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  link.subscriber.on('message', onMessage);
  link.subscriber.subscribe(channel).catch((error: unknown) => {
    logger.warn('redis: subscribe failed', { error: error instanceof Error ? error.message : String(error) });
  });
  return () => {
    unsubscribe();
    link.subscriber.off('message', onMessage);
  };
}
