import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.ts';

const root = resolve(import.meta.dirname, '..');
// The CLI prepends this banner when it writes files; the in-memory output does not have it.
const withoutBanner = (text: string): string => text.replace(/^\/\* eslint-disable \*\/\n/, '');

describe('codegen', () => {
  it('test/generated is current (run `npm run codegen` after changing the schema or examples/)', async () => {
    const outputs = (await generate({ ...config, cwd: root, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = readFileSync(resolve(root, output.filename), 'utf8');
      expect(withoutBanner(committed), output.filename).toBe(withoutBanner(output.content));
    }
  }, 60_000);
});
