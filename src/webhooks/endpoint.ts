/**
 * `POST /webhooks/officernd`: OfficeRnD's change notifications (shared/officernd-api.md §8a). Off (404) while
 * OFFICERND_WEBHOOK_SECRET is unset. The signature is checked on the raw body before anything else; a bad or
 * missing one is a 401 and changes nothing. A verified event is published on the event bus (the caches drop what
 * it names) and answered 200 at once; an event type we do not know is accepted and logged.
 */

import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { collectionOfEventObject } from '../cache/policy.ts';
import type { EventBus, OfficeRnDEvent } from './events.ts';
import { SIGNATURE_HEADER, verifyWebhook } from './signature.ts';

export const WEBHOOK_PATH = '/webhooks/officernd';
/** Webhook bodies are one object and its changed fields; anything larger is refused unread. */
export const MAX_WEBHOOK_BYTES = 1_000_000;

export interface WebhookOptions {
  secret: string | null;
  bus: EventBus;
  logger: Logger;
  /** ms epoch; default Date.now. */
  clock?: () => number;
}

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(`${JSON.stringify(body)}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

const refusal = (status: number, code: string, message: string, headers?: Record<string, string>): Response =>
  answer(status, { error: { code, message } }, headers);

/** Reads at most `limit` bytes of the body; null when it is longer. */
async function readRaw(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Turns a verified body into an event; a string when it is not one. */
export function parseEvent(raw: Uint8Array): OfficeRnDEvent | string {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  if (typeof body !== 'object' || body === null) return 'the body is not a JSON object';
  const { eventType, data } = body as { eventType?: unknown; data?: unknown };
  if (typeof eventType !== 'string' || eventType === '') return 'the body has no eventType';
  const dot = eventType.indexOf('.');
  const object = dot < 0 ? eventType : eventType.slice(0, dot);
  const action = dot < 0 ? '' : eventType.slice(dot + 1);
  const named = (data as { object?: { _id?: unknown; id?: unknown } } | undefined)?.object;
  const rawId = named?._id ?? named?.id;
  return {
    eventType,
    object,
    action,
    collection: collectionOfEventObject(object),
    id: typeof rawId === 'string' && rawId !== '' ? rawId : null,
    data,
    origin: 'local',
  };
}

/** The Yoga plugin; put it before the API-key check: OfficeRnD signs its calls, it has no gateway key. */
export function useOfficeRnDWebhooks(options: WebhookOptions): Plugin {
  const { secret, bus, logger } = options;
  const clock = options.clock ?? Date.now;
  if (secret === null) return {};
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== WEBHOOK_PATH) return;
      if (request.method !== 'POST') {
        endResponse(
          refusal(405, 'METHOD_NOT_ALLOWED', `Webhooks are delivered with POST, not ${request.method}`, {
            allow: 'POST',
          }),
        );
        return;
      }
      const raw = await readRaw(request, MAX_WEBHOOK_BYTES);
      if (raw === null) {
        endResponse(refusal(413, 'PAYLOAD_TOO_LARGE', `Webhook bodies are at most ${MAX_WEBHOOK_BYTES} bytes`));
        return;
      }
      const check = verifyWebhook(secret, raw, request.headers.get(SIGNATURE_HEADER), Math.floor(clock() / 1000));
      if (!check.ok) {
        logger.warn('webhook refused', { reason: check.reason });
        endResponse(refusal(401, 'BAD_SIGNATURE', `Webhook refused: ${check.reason}`));
        return;
      }
      const event = parseEvent(raw);
      if (typeof event === 'string') {
        logger.warn('webhook refused', { reason: event });
        endResponse(refusal(400, 'BAD_WEBHOOK_BODY', `Webhook refused: ${event}`));
        return;
      }
      if (event.collection === null)
        logger.info('webhook of an unknown event type accepted', { eventType: event.eventType });
      else logger.debug('webhook received', { eventType: event.eventType, id: event.id });
      bus.publish(event);
      endResponse(answer(200, { received: true }));
    },
  };
}
