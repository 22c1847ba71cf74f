import { TEAM_STATUS } from '../officernd/enums.ts';
import { builder } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type { WireTeamDetails } from '../officernd/types.ts';
import { Address } from './common.ts';
import { listDates } from './dates.ts';
import { wireEmail } from './email.ts';
import { dateOnly, dateTime, loadRef, reverseLink, rootById, rootList, enumOf } from './fields.ts';
import {
  BookingConnection,
  ContractConnection,
  MemberConnection,
  MembershipConnection,
  Office,
  Team,
  TeamConnection,
} from './refs.ts';

export const TeamStatus = enumOf(TEAM_STATUS);

const TeamBillingDetails = builder.objectRef<WireTeamDetails>('TeamBillingDetails').implement({
  description: 'How a team is invoiced: legal name, tax ids, currency and payment method (v1 `details`).',
  fields: (t) => ({
    legalName: t.string({ description: 'Name printed on invoices (wire `name`).', resolve: (d) => d.name ?? null }),
    vatId: t.exposeString('vatId', { description: 'VAT / tax registration number.' }),
    registrationId: t.string({
      description: 'Company registration number (wire `regId`).',
      resolve: (d) => d.regId ?? null,
    }),
    currency: t.exposeString('currency', {
      description: 'Currency the team is invoiced in, when it differs from the organization default.',
    }),
    currencyConversionRate: t.exposeFloat('currencyConversionRate', {
      description: 'Conversion rate from the organization currency to the team currency.',
    }),
    paymentMethod: t.exposeString('paymentMethod', {
      description: 'Preferred payment method, e.g. card or bank transfer.',
    }),
    date: t.field({
      type: 'Date',
      description: 'Date attached to the billing details by OfficeRnD.',
      resolve: (d) => dateOnly(d.date, d, 'date'),
    }),
    hasDifferentAddress: t.boolean({
      description: 'Whether invoices go to an address other than the team address (wire `differentAddress`).',
      resolve: (d) => d.differentAddress ?? null,
    }),
  }),
});

Team.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'teams' },
  description: 'A company (OfficeRnD "team"; v2 "company") whose members share billing. Report "Teams".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Company name.' }),
    email: t.field({
      type: 'EmailAddress',
      description:
        'Company e-mail address; null, with an UPSTREAM_INVALID_DATA error at this path, when OfficeRnD holds one that is not valid.',
      resolve: (team) => wireEmail(team.email, 'team'),
    }),
    url: t.exposeString('url', { description: 'Company website.' }),
    description: t.exposeString('description', { description: 'Free-text description.' }),
    image: t.exposeString('image', { description: 'Logo URL.' }),
    tags: t.stringList({ description: 'Tags set by admins.', resolve: (team) => team.tags ?? [] }),
    startDate: t.field({
      type: 'Date',
      description: 'The day the company became a customer.',
      resolve: (team) => dateOnly(team.startDate, team, 'startDate'),
    }),
    calculatedStatus: t.field({
      type: TeamStatus.ref,
      description: 'Status OfficeRnD derives from the memberships of the company (v2 `status`).',
      resolve: (team) => TeamStatus.fromWire(team.calculatedStatus) as never,
    }),
    calculatedStage: t.exposeString('calculatedStage', {
      description: 'Sales or lifecycle stage OfficeRnD derives for the company.',
    }),
    isTeam: t.exposeBoolean('isTeam', {
      description: 'OfficeRnD `isTeam` flag: whether the record is a real company rather than a placeholder.',
    }),
    isSystem: t.exposeBoolean('isSystem', { description: 'Whether OfficeRnD created and manages this team itself.' }),
    address: t.field({ type: Address, description: 'Postal address.', resolve: (team) => team.address ?? null }),
    billingDetails: t.field({
      type: TeamBillingDetails,
      description: 'Invoicing details (wire `details`).',
      resolve: (team) => team.details ?? null,
    }),
    twitterHandle: t.exposeString('twitterHandle', { description: 'Twitter / X handle.' }),
    comments: t.exposeString('comments', { description: 'Internal staff notes.' }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (team) => team.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the team was created.',
      resolve: (team) => dateTime(team.createdAt, team, 'createdAt'),
    }),
    createdById: t.id({
      description: 'OfficeRnD staff user who created it (v1 spells it `created_by` on teams); not a member.',
      resolve: (team) => team.created_by ?? team.createdBy ?? null,
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the team last changed.',
      resolve: (team) => dateTime(team.modifiedAt, team, 'modifiedAt'),
    }),
    modifiedById: t.id({
      description: 'OfficeRnD staff user who last changed it; not a member.',
      resolve: (team) => team.modifiedBy ?? null,
    }),
    office: t.field({
      type: Office,
      description: "The team's home office.",
      resolve: (team, _a, ctx) => loadRef(ctx, 'offices', team.office),
    }),
    members: reverseLink(t, MemberConnection, 'members', 'team', 'The members of this team.'),
    memberships: reverseLink(
      t,
      MembershipConnection,
      'memberships',
      'team',
      'Memberships (recurring plans) billed to this team.',
    ),
    contracts: reverseLink(t, ContractConnection, 'contracts', 'team', 'Membership agreements signed by this team.'),
    bookings: reverseLink(t, BookingConnection, 'bookings', 'team', 'Bookings made for this team.'),
  }),
});

rootList('teams', {
  collection: 'teams',
  dates: listDates('Team', 'teams', REPORT_DATES.teams),
  connection: TeamConnection,
  description: 'The teams (companies) of the organization. Report "Teams".',
});
rootById('team', Team, 'teams', 'One team (company) by id; null when there is none.');
