import { describe, expect, it } from 'vitest';
import { createVersionStack, VERSIONS } from './support.ts';

// Issue 15: which OfficeRnD API the gateway reads shows on /health (and in the start-up log), without a call upstream.
describe.each(VERSIONS)('/health on %s', (version) => {
  it('names the API version read, and reads nothing upstream', async () => {
    const stack = createVersionStack(version);
    const health = await stack.gateway.fetch('http://gateway.test/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('x-officernd-api-version')).toBe(version);
    expect(stack.simulator.log.count()).toBe(0);
  });
});
