// Live updates: the `DashboardChanges` subscription over Yoga's server-sent events, read with fetch (EventSource
// cannot send the API key header). Reconnects after a pause when the stream ends or fails.

import changes from '../operations/changes.graphql';
import type {
  DashboardChangesSubscription,
  DashboardChangesSubscriptionVariables,
} from '../../test/generated/graphql.ts';
import { authHeaders, operationName } from './api.ts';

export type Change = DashboardChangesSubscription['officerndChanged'];

export interface LiveOptions {
  endpoint: string;
  collections: NonNullable<DashboardChangesSubscriptionVariables['collections']>;
  onChange(change: Change): void;
  /** The stream is open (true) or closed (false). */
  onStatus(open: boolean): void;
}

const RETRY_MS = 3_000;

/** Splits a server-sent events stream into events (`event:` and joined `data:` lines). */
async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replaceAll('\r\n', '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) yield { event, data: data.join('\n') };
    }
  }
}

/** Subscribes until `stop()`; returns the stop function. */
export function subscribeToChanges(options: LiveOptions): () => void {
  const controller = new AbortController();
  const variables: DashboardChangesSubscriptionVariables = { collections: options.collections };
  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(options.endpoint, {
          method: 'POST',
          signal: controller.signal,
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authHeaders() },
          body: JSON.stringify({ operationName: operationName(changes), query: changes, variables }),
        });
        if (response.ok && response.body) {
          options.onStatus(true);
          for await (const { event, data } of events(response.body)) {
            if (event === 'complete') break;
            if (event !== 'next') continue;
            const payload = JSON.parse(data) as { data?: DashboardChangesSubscription };
            if (payload.data) options.onChange(payload.data.officerndChanged);
          }
        }
      } catch {
        // Closed, refused or offline: try again after the pause.
      }
      options.onStatus(false);
      if (controller.signal.aborted) return;
      await new Promise((done) => setTimeout(done, RETRY_MS));
    }
  };
  void run();
  return () => controller.abort();
}
