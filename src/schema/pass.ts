import { PASS_STATUS } from '../officernd/enums.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import { listDates } from './dates.ts';
import { dateOnly, dateTime, loadRef, rootById, rootList, wireEnum, enumOf } from './fields.ts';
import { Fee, Member, Membership, Pass, PassConnection, Team } from './refs.ts';

export const PassStatus = enumOf(PASS_STATUS);

export const PassInterval = wireEnum('PassInterval', 'How often a day-pass set is granted (§6.13).', {
  month: 'Renewed every month (from a membership)',
  once: 'Granted once',
});

Pass.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'passes' },
  description: 'A set of day passes granted to a member or team, once or every month. Report "Passes".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    count: t.exposeInt('count', { description: 'How many passes the set grants.' }),
    usedCount: t.int({
      description: 'How many passes were used (wire `used`; v2 `usedCount`).',
      resolve: (p) => p.used ?? null,
    }),
    remainingCount: t.int({
      description: 'How many passes are left (count minus used).',
      resolve: (p) => (typeof p.count === 'number' ? Math.max(0, p.count - (p.used ?? 0)) : null),
    }),
    intervalLength: t.field({
      type: PassInterval.ref,
      description: 'Granted once or every month.',
      resolve: (p) => PassInterval.fromWire(p.intervalLength) as never,
    }),
    status: t.field({
      type: PassStatus.ref,
      description: 'Whether the set can still be used.',
      resolve: (p) => PassStatus.fromWire(p.status) as never,
    }),
    startDate: t.field({
      type: 'Date',
      description: 'First day of the set.',
      resolve: (p) => dateOnly(p.startDate, p, 'startDate'),
    }),
    endDate: t.field({
      type: 'Date',
      description: 'Last day of the set.',
      resolve: (p) => dateOnly(p.endDate, p, 'endDate'),
    }),
    renewDate: t.field({
      type: 'Date',
      description: 'When a monthly set is next renewed.',
      resolve: (p) => dateOnly(p.renewDate, p, 'renewDate'),
    }),
    validFrom: t.field({
      type: 'DateTime',
      description: 'From when the passes can be used.',
      resolve: (p) => dateTime(p.validFrom, p, 'validFrom'),
    }),
    validTo: t.field({
      type: 'DateTime',
      description: 'Until when the passes can be used.',
      resolve: (p) => dateTime(p.validTo, p, 'validTo'),
    }),
    isPersonal: t.exposeBoolean('isPersonal', {
      description: "Whether the passes are the member's own rather than the team's.",
    }),
    grantsActiveStatus: t.boolean({
      description: 'Whether holding the passes makes the holder an active member (wire `shouldGrantActiveStatus`).',
      resolve: (p) => p.shouldGrantActiveStatus ?? null,
    }),
    resourceType: t.exposeString('resourceType', {
      description: 'The kind of resource the passes are for, as a resource-type key (e.g. hotdesk).',
    }),
    member: t.field({
      type: Member,
      description: 'The member holding the passes.',
      resolve: (p, _a, ctx) => loadRef(ctx, 'members', p.member),
    }),
    team: t.field({
      type: Team,
      description: 'The team holding the passes.',
      resolve: (p, _a, ctx) => loadRef(ctx, 'teams', p.team),
    }),
    membership: t.field({
      type: Membership,
      description: 'The membership that grants the passes, for monthly sets.',
      resolve: (p, _a, ctx) => loadRef(ctx, 'memberships', p.membership),
    }),
    fee: t.field({
      type: Fee,
      description: 'The one-off fee the passes were bought with.',
      resolve: (p, _a, ctx) => loadRef(ctx, 'fees', p.fee),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was created.',
      resolve: (p) => dateTime(p.createdAt, p, 'createdAt'),
    }),
    createdById: t.id({
      description: 'OfficeRnD staff user who created it; not a member.',
      resolve: (p) => p.createdBy ?? null,
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (p) => dateTime(p.modifiedAt, p, 'modifiedAt'),
    }),
    modifiedById: t.id({
      description: 'OfficeRnD staff user who last changed it; not a member.',
      resolve: (p) => p.modifiedBy ?? null,
    }),
  }),
});

rootList('passes', {
  collection: 'passes',
  dates: listDates('Pass', 'pass sets', REPORT_DATES.passes),
  connection: PassConnection,
  description: 'The day-pass sets of the organization. Report "Passes".',
});
rootById('pass', Pass, 'passes', 'One day-pass set by id; null when there is none.');
