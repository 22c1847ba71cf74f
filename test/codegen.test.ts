import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocuments } from '../scripts/codegen.ts';

const root = resolve(import.meta.dirname, '..');

describe('codegen', () => {
  it('test/generated is current (run `npm run codegen` after changing the schema or examples/)', async () => {
    const outputs = await generateDocuments();
    expect(outputs.map((output) => output.filename).sort()).toEqual(
      ['test/generated/gql.ts', 'test/generated/graphql.ts', 'test/generated/index.ts'].sort(),
    );
    for (const output of outputs) {
      expect(readFileSync(resolve(root, output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  }, 60_000);
});
