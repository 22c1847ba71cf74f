import { describe, expect, it } from 'vitest';
import { createCacheStack, type CacheStack } from '../cache/support.ts';

// The simulator's signed webhooks against the gateway's real receiver (POST /webhooks/officernd, §8a):
// its signature verifies, and a change it announces reaches a cached answer.

const KEY = 'sim-webhook-key-0123456789';
const SECRET = 'whsec-sim-0123456789abcdef';
const MEMBERS = '{ members(first: 5) { nodes { id name } } }';

function stackWithWebhooks(secret: string): CacheStack {
  let stack: CacheStack | undefined;
  stack = createCacheStack(
    { RESPONSE_CACHE: 'true', GATEWAY_API_KEYS: KEY, OFFICERND_WEBHOOK_SECRET: SECRET },
    {
      simulator: {
        webhooks: {
          url: 'http://gateway.test/webhooks/officernd',
          secret,
          fetch: async (input, init) => (stack as CacheStack).gateway.fetch(String(input), init ?? {}),
        },
      },
    },
  );
  return stack;
}

async function members(stack: CacheStack): Promise<{ names: string[]; calls: number }> {
  const before = stack.apiCalls();
  const response = await stack.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query: MEMBERS }),
  });
  const body = (await response.json()) as { data: { members: { nodes: { name: string }[] } } };
  return { names: body.data.members.nodes.map((n) => n.name), calls: stack.apiCalls() - before };
}

describe('simulator webhooks → gateway receiver', () => {
  it('a signed member.updated is accepted and the next query sees the change instead of the cached answer', async () => {
    const stack = stackWithWebhooks(SECRET);
    const first = await members(stack);
    expect((await members(stack)).calls).toBe(0);
    const id = stack.simulator.dataset.collections.members[0]?._id ?? '';
    const delivery = await stack.simulator.update('members', id, { name: 'Renamed By Webhook' });
    expect(delivery?.status).toBe(200);
    expect(stack.published.map((e) => [e.eventType, e.collection, e.id])).toEqual([['member.updated', 'members', id]]);
    const after = await members(stack);
    expect(after.calls).toBeGreaterThan(0);
    expect(after.names).toEqual(['Renamed By Webhook', ...first.names.slice(1)]);
  });

  it('a delivery signed with another secret is refused (401) and the cached answer stays', async () => {
    const stack = stackWithWebhooks('not-the-gateway-secret-0123');
    const first = await members(stack);
    const id = stack.simulator.dataset.collections.members[0]?._id ?? '';
    expect((await stack.simulator.update('members', id, { name: 'Unannounced' }))?.status).toBe(401);
    expect(stack.published).toEqual([]);
    const again = await members(stack);
    expect(again).toEqual({ names: first.names, calls: 0 });
  });
});
