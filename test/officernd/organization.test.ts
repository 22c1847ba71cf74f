import { describe, expect, it } from 'vitest';
import { OfficeRnDError } from '../../src/officernd/index.ts';
import { createSimulator, generateDataset } from '../../src/simulator/index.ts';
import { createTestStack } from '../helpers.ts';
import { demoClient } from '../demo-client.ts';

// §9: OfficeRnD answers an organization slug it does not know with 500 {"message":"Organization not found"}.
// That is a configuration mistake: no retry can fix it, and the caller should be told which setting to check.

const NOW = new Date('2025-06-15T00:00:00.000Z');
const dataset = generateDataset({ seed: 13, scale: 0.1, now: NOW, org: 'demo' });

describe('an organization slug OfficeRnD does not know', () => {
  it('fails at once with UPSTREAM_BAD_REQUEST naming the slug and OFFICERND_ORG, without retrying', async () => {
    const sim = createSimulator({ dataset });
    const client = demoClient(sim, { org: 'acme-typo', retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 } });
    const error = await client.listPage('members').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeRnDError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_BAD_REQUEST',
      status: 500,
      upstreamMessage: 'Organization not found',
    });
    const message = (error as Error).message;
    expect(message).toContain('organization slug "acme-typo"');
    expect(message).toContain('OFFICERND_ORG');
    expect(message).not.toContain('demo-secret');
    expect(sim.log.count({ kind: 'api', status: 500 })).toBe(1);
    expect(client.stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it('reaches the GraphQL caller as UPSTREAM_BAD_REQUEST with that message', async () => {
    const stack = createTestStack({ scale: 0.1, client: { org: 'acme-typo' } });
    const result = await stack.query('{ members(first: 1) { nodes { id } } }');
    expect(result.data).toEqual({ members: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.path).toEqual(['members']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_REQUEST', upstreamStatus: 500 });
    expect(result.errors?.[0]?.message).toMatch(
      /Organization not found .*organization slug "acme-typo".*OFFICERND_ORG/,
    );
    expect(stack.apiCalls()).toBe(1);
  });
});
