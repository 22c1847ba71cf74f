import { describe, expect, it } from 'vitest';
import { V2_DEFAULT_SCOPE } from '../../src/officernd/v2.ts';
import { DEFAULT_CLIENT, FLEX_READ_SCOPES } from '../../src/simulator/index.ts';
import { createVersionStack } from './support.ts';

// Issue 15 / §1: a v2 token asks for the flex read scopes the reports need (OFFICERND_SCOPE overrides); a call the
// token's scopes do not cover is an error naming the scope and what it is needed by, in GraphQL and in exports.

const PAYMENTS_SCOPE = 'flex.billing.payments.read';
const withoutPayments = FLEX_READ_SCOPES.filter((scope) => scope !== PAYMENTS_SCOPE);

describe('flex scopes (§1)', () => {
  it("asks by default for every read scope of §1's table: the simulator's own list of them", () => {
    expect(V2_DEFAULT_SCOPE.split(' ').sort()).toEqual([...FLEX_READ_SCOPES].sort());
  });

  it('a token without the payments scope: payments fail naming the scope, the rest of the answer stands', async () => {
    const stack = createVersionStack('v2', { client: { scope: withoutPayments.join(' ') } });
    const result = await stack.query('{ members(first: 2) { nodes { id } } payments(first: 2) { nodes { id } } }');
    expect(result.data?.members).toMatchObject({ nodes: [{}, {}] });
    expect(result.data?.payments).toBeNull();
    const [error] = result.errors ?? [];
    expect(error?.path).toEqual(['payments']);
    expect(error?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(error?.message).toContain(`the token lacks scope ${PAYMENTS_SCOPE}, needed by Payments`);
    expect(JSON.stringify(result)).not.toContain('demo-secret');

    const response = await stack.gateway.fetch('http://gateway.test/reports/payments.csv');
    expect(response.status).toBeGreaterThanOrEqual(400);
    const body = await response.text();
    expect(body).toContain('UPSTREAM_AUTH_FAILED');
    expect(body).toContain(`the token lacks scope ${PAYMENTS_SCOPE}, needed by Payments`);
    // Coin stats: named as the report that reads them.
    const team = stack.simulator.dataset.creditAccounts.find((a) => a.team)?.team as string;
    const narrow = createVersionStack('v2', {
      client: { scope: FLEX_READ_SCOPES.filter((s) => s !== 'flex.space.coins.read').join(' ') },
    });
    const coins = await narrow.query(`{ creditAccounts(team: "${team}", month: "2026-10") { nodes { month } } }`);
    expect(coins.errors?.[0]?.message).toContain(
      'the token lacks scope flex.space.coins.read, needed by Credit Accounts',
    );
  });

  it('an application granted fewer scopes than asked for: the token request fails and says how to fix it', async () => {
    const stack = createVersionStack('v2', {
      simulator: { clients: [{ ...DEFAULT_CLIENT, scopes: withoutPayments }] },
    });
    const result = await stack.query('{ members(first: 1) { nodes { id } } }');
    const [error] = result.errors ?? [];
    expect(error?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(error?.message).toContain(PAYMENTS_SCOPE);
    expect(error?.message).toContain('OFFICERND_SCOPE');
    expect(JSON.stringify(result)).not.toContain('demo-secret');
    // Asking for the granted ones works.
    const granted = createVersionStack('v2', {
      simulator: { clients: [{ ...DEFAULT_CLIENT, scopes: withoutPayments }] },
      client: { scope: withoutPayments.join(' ') },
    });
    expect((await granted.query('{ members(first: 1) { nodes { id } } }')).errors).toBeUndefined();
  });
});
