import { builder } from '../builder.ts';

builder.queryField('organization', (t) =>
  t.string({
    nullable: false,
    description:
      'The slug of the OfficeRnD organization this gateway serves (the part after /organizations/ in API URLs).',
    resolve: (_root, _args, ctx) => ctx.officernd.org,
  }),
);
