import { describe, expect, it } from 'vitest';
import { createOpsStack } from './stack.ts';

// Issue 14, item 5: with introspection off, no answer suggests names of the schema ("Did you mean …"), whether the
// mistake is a field, an argument, a type, an enum value or an input field, in the document or in variables.

const MISTAKES: { name: string; body: { query: string; variables?: Record<string, unknown> }; code: string }[] = [
  { name: 'field', body: { query: '{ members(first: 1) { nodes { nmae } } }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'root field', body: { query: '{ membr(id: "x") { name } }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'argument', body: { query: '{ members(frist: 1) { nodes { name } } }' }, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'variable type',
    body: { query: 'query($s: MemberStatu) { members(status: $s) { nodes { name } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'fragment type',
    body: { query: '{ members(first: 1) { nodes { ... on Membr { name } } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'enum literal',
    body: { query: '{ members(first: 1, status: ACTIV) { nodes { name } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'enum in a variable',
    body: {
      query: 'query($s: MemberStatus) { members(first: 1, status: $s) { nodes { name } } }',
      variables: { s: 'ACTIV' },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'input field literal',
    body: { query: '{ bookings(first: 1, dates: { onn: "2026-01-01" }) { nodes { id } } }' },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'input field in a variable',
    body: {
      query: 'query($d: DateSelection) { bookings(first: 1, dates: $d) { nodes { id } } }',
      variables: { d: { onn: '2026-01-01' } },
    },
    code: 'BAD_USER_INPUT',
  },
];

async function answer(env: Record<string, string>, body: unknown): Promise<{ text: string; codes: string[] }> {
  const stack = createOpsStack({ env });
  const text = await (await stack.post(body)).text();
  const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return { text, codes: (parsed.errors ?? []).map((e) => e.extensions?.code ?? '') };
}

describe('"Did you mean" suggestions', () => {
  it.each(MISTAKES)('are not given for a mistaken $name when introspection is off', async ({ body, code }) => {
    const { text, codes } = await answer({ INTROSPECTION: 'false' }, body);
    expect(codes).toContain(code);
    expect(text).not.toMatch(/Did you mean/i);
  });

  it('are given with introspection on (the names are public then)', async () => {
    for (const mistake of MISTAKES.filter((m) => m.name.startsWith('enum') || m.name.startsWith('input field'))) {
      const { text } = await answer({ INTROSPECTION: 'true' }, mistake.body);
      expect(text).toMatch(/Did you mean/);
    }
  });
});
