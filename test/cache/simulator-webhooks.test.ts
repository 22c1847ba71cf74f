import { describe, expect, it } from 'vitest';
import { createCacheStack, type CacheStack } from './support.ts';

// End to end with the simulator's own signed webhooks (written from shared/officernd-api.md §8a independently of
// src/webhooks): a change in the simulator's data reaches the gateway's cache at once.

const KEY = 'sim-webhook-key-0123456789';
const SECRET = 'whsec-simulator-0123456789';

function stackWithWebhooks(secret: string): CacheStack {
  let stack: CacheStack | null = null;
  stack = createCacheStack(
    { RESPONSE_CACHE: 'true', GATEWAY_API_KEYS: KEY, OFFICERND_WEBHOOK_SECRET: SECRET },
    {
      simulator: {
        webhooks: {
          url: 'http://gateway.test/webhooks/officernd',
          secret,
          fetch: async (input, init) => stack!.gateway.fetch(new Request(String(input), init)),
        },
      },
    },
  );
  return stack;
}

async function memberName(stack: CacheStack, id: string): Promise<{ name: string; calls: number }> {
  const before = stack.apiCalls();
  const response = await stack.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query: `{ member(id: "${id}") { id name } }` }),
  });
  const body = (await response.json()) as { data: { member: { name: string } } };
  return { name: body.data.member.name, calls: stack.apiCalls() - before };
}

describe("the simulator's signed webhooks", () => {
  it('a member renamed in OfficeRnD is answered with its new name at once', async () => {
    const stack = stackWithWebhooks(SECRET);
    const member = stack.simulator.dataset.collections.members[0]!;
    expect((await memberName(stack, member._id)).name).toBe(member.name);
    expect((await memberName(stack, member._id)).calls).toBe(0);
    const delivery = await stack.simulator.update('members', member._id, { name: 'Ada Renamed' });
    expect(delivery).toMatchObject({ eventType: 'member.updated', status: 200 });
    const fresh = await memberName(stack, member._id);
    expect(fresh.name).toBe('Ada Renamed');
    expect(fresh.calls).toBeGreaterThan(0);
  });

  it('a delivery signed with another secret is refused and the cached answer stays', async () => {
    const stack = stackWithWebhooks('whsec-someone-else-0123456789');
    const member = stack.simulator.dataset.collections.members[1]!;
    await memberName(stack, member._id);
    const delivery = await stack.simulator.update('members', member._id, { name: 'Eve Renamed' });
    expect(delivery?.status).toBe(401);
    const cached = await memberName(stack, member._id);
    expect(cached).toEqual({ name: member.name, calls: 0 });
  });
});
