import SchemaBuilder from '@pothos/core';
import { DateResolver, DateTimeResolver, EmailAddressResolver, JSONResolver } from 'graphql-scalars';
import type { Context } from './context.ts';

/**
 * The one SchemaBuilder: plugins, scalars and root types only. Domain types live in `schema/<type>.ts`.
 * Fields are nullable unless a type says otherwise: a failing upstream link becomes `null` plus an error
 * at its path instead of failing the whole response.
 */
export interface GatewaySchemaTypes {
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: Date; Output: Date | string };
    EmailAddress: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}

/** The builder's full type set, for helpers that take refs (`ObjectRef<Types, Shape>`). */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<GatewaySchemaTypes>;

// Pothos v4 makes fields nullable by default, which is what a gateway over an unreliable upstream wants.
export const builder = new SchemaBuilder<GatewaySchemaTypes>({});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('Date', DateResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
builder.addScalarType('JSON', JSONResolver);

builder.queryType({
  description: 'The OfficeRnD organization as one linked graph: every report is a root field.',
});
