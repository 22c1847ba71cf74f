import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenGateway } from '../reports/support.ts';
import { createCacheStack, type CacheStack } from './support.ts';

// Exports with the cache on, over loopback HTTP: a miss still streams page by page, and an export cut short by an
// upstream failure is never kept.

describe('export cache over HTTP', () => {
  let stack: CacheStack;
  let server: Server;
  let url: string;
  let armed = false;
  let served = 0;

  beforeAll(async () => {
    stack = createCacheStack(
      { RESPONSE_CACHE: 'true' },
      {
        client: { retry: { attempts: 1 } },
        simulator: {
          faults: { latencyMs: 5 },
          onRequest: (entry) => {
            if (entry.collection !== 'bookings') return;
            served += 1;
            if (armed && served === 2) stack.simulator.setFaults({ errorRate: 1 });
          },
        },
      },
    );
    ({ server, url } = await listenGateway(stack.gateway));
  });
  afterAll(() => closeServer(server));

  const bookingPages = (): number => Math.ceil(stack.simulator.dataset.collections.bookings.length / 100);

  it('streams a miss: the first bytes arrive before upstream has served every page', async () => {
    expect(bookingPages()).toBeGreaterThan(3);
    served = 0;
    const response = await fetch(`${url}/reports/bookings.csv?columns=_id`);
    expect(response.headers.get('x-cache')).toBe('MISS');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(served).toBeLessThan(bookingPages());
    let rest = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += decoder.decode(value, { stream: true });
    }
    expect(served).toBe(bookingPages());
    const hit = await fetch(`${url}/reports/bookings.csv?columns=_id`);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(await hit.text()).toBe(decoder.decode(first.value) + rest);
    expect(served).toBe(bookingPages());
  });

  it.each(['identity', 'gzip'])(
    'never keeps an export cut short by an upstream failure (accept-encoding: %s)',
    async (encoding) => {
      const path = `${url}/reports/bookings.ndjson?columns=_id&limit=${encoding === 'gzip' ? 5000 : 4999}`;
      const headers = { 'accept-encoding': encoding };
      served = 0;
      armed = true;
      const cut = await fetch(path, { headers });
      expect(cut.status).toBe(200);
      await expect(cut.text()).rejects.toThrow();
      armed = false;
      stack.simulator.setFaults({ latencyMs: 5 });
      served = 0;
      const again = await fetch(path, { headers });
      expect(again.headers.get('x-cache')).toBe('MISS');
      const text = await again.text();
      expect(served).toBe(bookingPages());
      expect(text.trimEnd().split('\n')).toHaveLength(stack.simulator.dataset.collections.bookings.length);
      const hit = await fetch(path, { headers });
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(await hit.text()).toBe(text);
    },
  );
});
