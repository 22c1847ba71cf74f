import type { ArgBuilder } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import { MAX_CREDIT_MONTHS } from '../core/limits.ts';
import { monthsOf } from '../dates/selection.ts';
import type { WireCreditStat, WireCreditTotals } from '../officernd/types.ts';
import { arrayConnection, firstOf, type ConnectionArgs } from './connection.ts';
import { DateSelection, resolveDates, selectionError, type DateSelectionArg } from './dates.ts';
import { badInput } from './errors.ts';
import { checkId, connectionArgs, loadRef, loadRefs, wireEnum } from './fields.ts';
import { CreditAccount, CreditAccountConnection, Member, Plan, Rate, ResourceType, Team } from './refs.ts';
import { resourceTypesByRefs } from './resource-type.ts';

type CreditAccountShape = WireCreditStat & { month: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Each month is one upstream call per owner (§6.6), so a selection may touch at most two years of months. */
/** Most months one credit-accounts selection may touch (each is one upstream call per team or member). */

interface MonthArgs {
  month?: string | null;
  dates?: DateSelectionArg | null;
}

/**
 * The months asked for: `month` (YYYY-MM, §6.6), or every calendar month the `dates` selection touches
 * (its days counted in its time zone). Exactly one of the two.
 */
function monthsFrom(ctx: Context, args: MonthArgs): string[] {
  const hasMonth = args.month !== null && args.month !== undefined;
  if (hasMonth === Boolean(args.dates))
    throw badInput('Give exactly one of "month" and "dates"', hasMonth ? 'dates' : 'month');
  if (hasMonth) {
    const month = String(args.month);
    if (!MONTH.test(month)) throw badInput(`"month" must be a month as YYYY-MM, got "${month}"`, 'month');
    return [month];
  }
  const range = resolveDates(ctx, args.dates as DateSelectionArg);
  try {
    return monthsOf(range, MAX_CREDIT_MONTHS);
  } catch (error) {
    return selectionError(error);
  }
}

/** Credit stats of one team or member in each month, in month order, each item tagged with its month; batched. */
async function creditAccountsOf(
  ctx: Context,
  months: readonly string[],
  owner: { team?: string; member?: string },
): Promise<CreditAccountShape[]> {
  const keys = months.map((month) => ({ month, team: owner.team ?? null, member: owner.member ?? null }));
  const results = await ctx.loaders.creditStats.loadMany(keys);
  const out: CreditAccountShape[] = [];
  results.forEach((stats, i) => {
    if (stats instanceof Error) throw stats;
    for (const stat of stats) out.push({ ...stat, month: months[i] as string });
  });
  return out;
}

const monthArgs = (arg: ArgBuilder<Types>) => ({
  month: arg.string({ description: 'One calendar month, as YYYY-MM (e.g. 2026-11). Give this or `dates`.' }),
  dates: arg({
    type: DateSelection,
    description:
      'Every calendar month these days touch (at most 24), e.g. `{period: THIS_QUARTER}` for the three months of the ' +
      'quarter. Give this or `month`.',
  }),
});

export const CreditAccountValidFor = wireEnum(
  'CreditAccountValidFor',
  'What the credits of an account can be spent on (§6.6).',
  {
    rates: 'Bookings priced by the listed rates',
    resourceTypes: 'Bookings of the listed resource types',
    oneOffPlans: 'The listed one-off plans',
    all: 'Anything payable with credits',
  },
);

const CreditAccountTotals = builder.objectRef<WireCreditTotals>('CreditAccountTotals').implement({
  description: 'Credits granted, spent and left in a period.',
  fields: (t) => ({
    total: t.exposeFloat('total', { description: 'Credits granted for the period.' }),
    used: t.exposeFloat('used', { description: 'Credits spent in the period.' }),
    remaining: t.exposeFloat('remaining', { description: 'Credits left (total minus used).' }),
  }),
});

CreditAccount.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: null },
  description:
    'The credit (coin) balance of one credit account of a team or member in one month: what was granted, spent and left. ' +
    'Report "Credit Accounts" (`/credit-accounts/stats`).',
  fields: (t) => ({
    month: t.exposeString('month', { nullable: false, description: 'The month these figures are for, as YYYY-MM.' }),
    creditAccountId: t.exposeID('creditAccount', {
      nullable: false,
      description: 'The id of the credit account (wire `creditAccount`); stats items have no id of their own.',
    }),
    validFor: t.field({
      type: CreditAccountValidFor.ref,
      description: 'What these credits can be spent on.',
      resolve: (a) => CreditAccountValidFor.fromWire(a.validFor) as never,
    }),
    monthly: t.field({
      type: CreditAccountTotals,
      description: 'Credits that renew every month (e.g. from a membership plan).',
      resolve: (a) => a.monthly ?? null,
    }),
    once: t.field({
      type: CreditAccountTotals,
      description: 'One-off credits (e.g. bought once) available in the month.',
      resolve: (a) => a.once ?? null,
    }),
    member: t.field({
      type: Member,
      description: 'The member who owns the account.',
      resolve: (a, _x, ctx) => loadRef(ctx, 'members', a.member),
    }),
    team: t.field({
      type: Team,
      description: 'The team that owns the account.',
      resolve: (a, _x, ctx) => loadRef(ctx, 'teams', a.team),
    }),
    rates: t.field({
      type: [Rate],
      description: 'The rates the credits apply to when `validFor` is RATES (wire `resourceRates`).',
      resolve: (a, _x, ctx) => loadRefs(ctx, 'rates', a.resourceRates),
    }),
    resourceTypes: t.field({
      type: [ResourceType],
      description: 'The resource types the credits apply to when `validFor` is RESOURCE_TYPES.',
      // v1 resource types are keyed by `id`, not `_id` (§6.18): matched by the resource-type helper.
      resolve: (a, _x, ctx) => resourceTypesByRefs(ctx, a.resourceTypes),
    }),
    plans: t.field({
      type: [Plan],
      description: 'The one-off plans the credits apply to when `validFor` is ONE_OFF_PLANS (wire `oneOffPlans`).',
      resolve: (a, _x, ctx) => loadRefs(ctx, 'plans', a.oneOffPlans),
    }),
  }),
});

builder.queryField('creditAccounts', (t) =>
  t.field({
    type: CreditAccountConnection,
    description:
      'The credit accounts of one team or one member in a month (or in every month a date selection touches), with ' +
      'their balances, in month order. Give exactly one of `team` and `member`, and one of `month` and `dates`. ' +
      'Report "Credit Accounts".',
    args: {
      ...monthArgs(t.arg),
      team: t.arg.id({ description: 'The team whose accounts to read.' }),
      member: t.arg.id({ description: 'The member whose accounts to read.' }),
      ...connectionArgs(t.arg),
    },
    resolve: async (_root, args, ctx) => {
      const hasTeam = args.team !== null && args.team !== undefined;
      const hasMember = args.member !== null && args.member !== undefined;
      // §6.6: the upstream reads the stats of one owner (`team=` or `member=`) per call.
      if (hasTeam === hasMember) throw badInput('Give exactly one of "team" and "member"', hasTeam ? 'member' : 'team');
      const owner = hasTeam
        ? { team: checkId(String(args.team), 'team') }
        : { member: checkId(String(args.member), 'member') };
      const months = monthsFrom(ctx, args);
      firstOf(args as ConnectionArgs);
      const items = await creditAccountsOf(ctx, months, owner);
      return arrayConnection(items, args as ConnectionArgs, JSON.stringify(['creditAccounts', months, owner]));
    },
  }),
);

builder.objectField(Team, 'creditAccounts', (t) =>
  t.field({
    type: [CreditAccount],
    description:
      'The credit accounts of this team in a month (or in every month a date selection touches), in month order.',
    args: monthArgs(t.arg),
    resolve: (team, args, ctx) => creditAccountsOf(ctx, monthsFrom(ctx, args), { team: team._id }),
  }),
);

builder.objectField(Member, 'creditAccounts', (t) =>
  t.field({
    type: [CreditAccount],
    description:
      'The credit accounts of this member in a month (or in every month a date selection touches), in month order.',
    args: monthArgs(t.arg),
    resolve: (member, args, ctx) => creditAccountsOf(ctx, monthsFrom(ctx, args), { member: member._id }),
  }),
);
