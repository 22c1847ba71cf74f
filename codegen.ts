// Types the example operations (examples/*.graphql, also quoted in the README) and the dashboard's panel operations
// (dashboard/operations/*.graphql) against the committed schema. The tests execute them with their generated types,
// the dashboard's sources import its result types, and test/codegen.test.ts fails when this output is stale.
// `npm run codegen` (scripts/codegen.ts) writes the output; it drives GraphQL Code Generator's client preset
// directly rather than through its CLI, whose loaders (git, GitHub, Apollo Engine) we do not use and whose
// dependencies want Node 22.15.
const config = {
  schema: 'schema.graphql',
  /** Folders whose `.graphql` files are typed (searched recursively). */
  documents: ['examples', 'dashboard/operations'],
  output: 'test/generated/',
  presetConfig: { fragmentMasking: false },
  // Our ESM setup needs explicit extensions in the generated imports.
  config: {
    emitLegacyCommonJSImports: false,
    scalars: { DateTime: 'string', Date: 'string', EmailAddress: 'string', JSON: 'unknown' },
    enumsAsTypes: true,
    useTypeImports: true,
  },
};

export default config;
