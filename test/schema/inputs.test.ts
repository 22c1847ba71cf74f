import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorOptions } from '../../src/simulator/index.ts';
import { createTestStack, TEST_NOW, testDataset, type TestStack } from '../helpers.ts';

// What callers get for values the gateway cannot use: upstream data that does not fit its scalar (an error at that
// field, the rest of the answer intact) and arguments that cannot become an upstream query (BAD_USER_INPUT naming
// the argument, before any upstream call). Messages speak to the caller: no internal query syntax, no doc sections.

const BAD_MEMBER_EMAIL = 'jane.doe(at)example';
const BAD_TEAM_EMAIL = 'billing@@acme';

interface TypeFields {
  fields: { name: string; type: { name: string | null } }[];
}

interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

let stack: TestStack;
let memberId: string;
let teamId: string;

beforeAll(() => {
  // A copy of the test data where the first member and a team with members hold e-mail addresses that are not valid.
  const dataset = structuredClone(testDataset());
  const { members, teams } = dataset.collections;
  const member = members[0];
  const team = teams.find((t) => members.some((m) => m.team === t._id));
  if (!member || !team) throw new Error('the test data has members and teams');
  member.email = BAD_MEMBER_EMAIL;
  team.email = BAD_TEAM_EMAIL;
  memberId = member._id;
  teamId = team._id;
  // createTestStack applies the simulator options over its own dataset: the copy replaces it.
  const simulator: SimulatorOptions = { dataset, now: TEST_NOW };
  stack = createTestStack({ simulator });
});

const expectInvalidData = (error: GraphQLErrorShape | undefined, path: (string | number)[], value: string): void => {
  expect(error?.path).toEqual(path);
  expect(error?.extensions?.code).toBe('UPSTREAM_INVALID_DATA');
  expect(error?.message).toMatch(/not valid/);
  expect(error?.message).not.toContain(value);
  expect(JSON.stringify(error)).not.toContain(value);
};

describe('EmailAddress fields', () => {
  it('a member whose e-mail is not valid has email null and an UPSTREAM_INVALID_DATA error at that path', async () => {
    const members = stack.simulator.dataset.collections.members.slice(0, 5);
    const result = await stack.query<{
      members: { nodes: { id: string; name: string | null; email: string | null }[] };
    }>('{ members(first: 5) { nodes { id name email } } }');
    expect(result.status).toBe(200);
    const nodes = result.data?.members.nodes ?? [];
    expect(nodes.map((n) => n.id)).toEqual(members.map((m) => m._id));
    expect(nodes[0]).toEqual({ id: memberId, name: members[0]?.name ?? null, email: null });
    // Valid addresses come through unchanged.
    expect(nodes.slice(1).map((n) => n.email)).toEqual(members.slice(1).map((m) => m.email));
    expect(nodes.slice(1).every((n) => typeof n.email === 'string' && n.email.includes('@'))).toBe(true);
    expect(result.errors).toHaveLength(1);
    expectInvalidData(result.errors?.[0], ['members', 'nodes', 0, 'email'], BAD_MEMBER_EMAIL);
  });

  it('the same for a team, reached by id and through a member', async () => {
    const result = await stack.query<{ team: { id: string; email: string | null } }>(
      'query ($id: ID!) { team(id: $id) { id email } }',
      { id: teamId },
    );
    expect(result.data).toEqual({ team: { id: teamId, email: null } });
    expect(result.errors).toHaveLength(1);
    expectInvalidData(result.errors?.[0], ['team', 'email'], BAD_TEAM_EMAIL);

    const member = stack.simulator.dataset.collections.members.find((m) => m.team === teamId);
    expect(member).toBeDefined();
    const linked = await stack.query<{ member: { team: { email: string | null } } }>(
      'query ($id: ID!) { member(id: $id) { team { id email } } }',
      { id: member?._id },
    );
    expect(linked.data?.member.team).toEqual({ id: teamId, email: null });
    expectInvalidData(linked.errors?.[0], ['member', 'team', 'email'], BAD_TEAM_EMAIL);
  });

  it('is declared as EmailAddress in the schema', async () => {
    const result = await stack.query<Record<'member' | 'team', TypeFields>>(
      '{ member: __type(name: "Member") { fields { name type { name } } } team: __type(name: "Team") { fields { name type { name } } } }',
    );
    const emailType = (type: TypeFields | undefined) => type?.fields.find((f) => f.name === 'email')?.type.name;
    expect(emailType(result.data?.member)).toBe('EmailAddress');
    expect(emailType(result.data?.team)).toBe('EmailAddress');
  });
});

describe('empty text filters', () => {
  it.each([
    ['members', 'nameStartsWith'],
    ['members', 'name'],
    ['members', 'email'],
    ['teams', 'nameStartsWith'],
    ['teams', 'email'],
  ])('%s(%s: "") is BAD_USER_INPUT naming the argument, with no upstream call', async (list, argument) => {
    stack.simulator.log.reset();
    const result = await stack.query(`{ ${list}(${argument}: "") { nodes { id } } }`);
    expect(result.errors).toHaveLength(1);
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(error?.message).toContain(`"${argument}"`);
    // The upstream query syntax (`name.$swi`) is the gateway's business, not the caller's.
    expect(error?.message).not.toMatch(/\$|\.name\b/);
    expect(stack.apiCalls()).toBe(0);
  });
});

describe('error messages', () => {
  it('do not cite sections of the API notes (§)', async () => {
    const openEnded = await stack.query('{ bookingOccurrences(dates: { from: "2026-01-01" }) { nodes { id } } }');
    expect(openEnded.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(openEnded.errors?.[0]?.message).toContain('bounded window');
    expect(openEnded.errors?.[0]?.message).not.toContain('§');
  });
});
