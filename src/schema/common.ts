import { builder } from '../builder.ts';
import type { WireAddress } from '../officernd/types.ts';

// Small value types shared by several reports.

export const Address = builder.objectRef<WireAddress>('Address').implement({
  description: 'A postal address of a member or team.',
  fields: (t) => ({
    street: t.string({ description: 'Street and number.', resolve: (a) => a.address ?? null }),
    city: t.exposeString('city', { description: 'City.' }),
    zip: t.exposeString('zip', { description: 'Postal code.' }),
    state: t.exposeString('state', { description: 'State, county or region.' }),
    country: t.exposeString('country', { description: 'Country.' }),
  }),
});
