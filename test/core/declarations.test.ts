import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIST_COLLECTIONS } from '../../src/officernd/collections.ts';
import { schema } from '../../src/schema/index.ts';

// The cost rule reads which collection backs a type from the type's metadata, not from a table of its own.
describe('type metadata', () => {
  it('names the collection behind exactly one object type per collection', () => {
    const backed = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .map((type) => (type.extensions as { collection?: string | null }).collection)
      .filter((collection): collection is string => typeof collection === 'string');
    expect([...backed].sort()).toEqual([...LIST_COLLECTIONS].sort());
  });
});
