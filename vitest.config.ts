import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql@16 ships ESM (index.mjs, picked by Vite's "module" field) and CJS (index.js, what Node and Yoga load).
  // Two copies mean two GraphQLError classes and broken `instanceof` checks, so tests use the one Node uses.
  resolve: {
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
