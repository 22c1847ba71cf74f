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
    // One module graph per worker, not per file: loading the gateway's graph (Yoga, Pothos, the schema) again for each
    // of the 140 files was 136 s of import in a run of 522 s; without it, 10 s of import and 311 s in all (2 cores,
    // loaded). Safe because nothing in src/ keeps module-level mutable state (STYLE.md) and no test mocks a module;
    // what a file shares with the next is module-level caches of generated datasets (test/helpers.ts), read-only.
    isolate: false,
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Many tests wait (child processes,
    // Redis, a browser, timers), so two workers there share the cores better: schema, reports and security 81 s -> 56 s.
    maxWorkers: '100%',
  },
});
