import type { CodegenConfig } from '@graphql-codegen/cli';

// Types the example operations (examples/*.graphql, also quoted in the README) and the dashboard's panel operations
// (dashboard/operations/*.graphql) against the committed schema. The tests execute them with their generated types,
// the dashboard's sources import its result types, and test/codegen.test.ts fails when this output is stale.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/**/*.graphql', 'dashboard/**/*.graphql'],
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Our ESM setup needs explicit extensions in the generated imports.
      config: {
        emitLegacyCommonJSImports: false,
        scalars: { DateTime: 'string', Date: 'string', EmailAddress: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
