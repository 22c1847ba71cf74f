import { MEMBER_STATUS } from '../officernd/enums.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import { Address } from './common.ts';
import { listDates } from './dates.ts';
import { wireEmail } from './email.ts';
import { dateOnly, dateTime, loadRef, reverseLink, rootById, rootList, enumOf } from './fields.ts';
import {
  BookingConnection,
  CheckinConnection,
  FeeConnection,
  Member,
  MemberConnection,
  MembershipConnection,
  Office,
  PaymentConnection,
  Team,
} from './refs.ts';

export const MemberStatus = enumOf(MEMBER_STATUS);

Member.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'members' },
  description: 'A person: a member of the space, possibly part of a team (company). Report "Members".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'Full name.' }),
    email: t.field({
      type: 'EmailAddress',
      description:
        'E-mail address; null, with an UPSTREAM_INVALID_DATA error at this path, when OfficeRnD holds one that is not valid.',
      resolve: (m) => wireEmail(m.email, 'member'),
    }),
    phone: t.exposeString('phone', { description: 'Phone number.' }),
    status: t.field({
      type: MemberStatus.ref,
      description: 'Status set on the member.',
      resolve: (m) => MemberStatus.fromWire(m.status) as never,
    }),
    calculatedStatus: t.field({
      type: MemberStatus.ref,
      description: 'Status OfficeRnD derives from memberships and activity (e.g. DROP_IN).',
      resolve: (m) => MemberStatus.fromWire(m.calculatedStatus) as never,
    }),
    startDate: t.field({
      type: 'Date',
      description: 'The day the member started.',
      resolve: (m) => dateOnly(m.startDate, m, 'startDate'),
    }),
    isContactPerson: t.boolean({
      description: 'Whether this member is the contact person of the team.',
      resolve: (m) => m.contactPerson ?? null,
    }),
    isBillingPerson: t.boolean({
      description: "Whether this member receives the team's invoices.",
      resolve: (m) => m.billingPerson ?? null,
    }),
    address: t.field({ type: Address, description: 'Postal address.', resolve: (m) => m.address ?? null }),
    tags: t.stringList({ description: 'Tags set by admins.', resolve: (m) => m.tags ?? [] }),
    image: t.exposeString('image', { description: 'Avatar URL.' }),
    description: t.exposeString('description', { description: 'Free-text profile description.' }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (m) => m.properties ?? null,
    }),
    lastLogin: t.field({
      type: 'DateTime',
      description: 'Last login to the member portal or app.',
      resolve: (m) => dateTime(m.lastLogin, m, 'lastLogin'),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the member was created.',
      resolve: (m) => dateTime(m.createdAt, m, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the member last changed.',
      resolve: (m) => dateTime(m.modifiedAt, m, 'modifiedAt'),
    }),
    team: t.field({
      type: Team,
      description: 'The team (company) the member belongs to.',
      resolve: (m, _a, ctx) => loadRef(ctx, 'teams', m.team),
    }),
    office: t.field({
      type: Office,
      description: "The member's home office.",
      resolve: (m, _a, ctx) => loadRef(ctx, 'offices', m.office),
    }),
    bookings: reverseLink(t, BookingConnection, 'bookings', 'member', 'Bookings made by this member.'),
    memberships: reverseLink(
      t,
      MembershipConnection,
      'memberships',
      'member',
      'Memberships (recurring plans) of this member.',
    ),
    fees: reverseLink(t, FeeConnection, 'fees', 'member', 'One-off fees charged to this member.'),
    payments: reverseLink(
      t,
      PaymentConnection,
      'payments',
      'member',
      'Invoices and credit notes addressed to this member.',
    ),
    checkins: reverseLink(t, CheckinConnection, 'checkins', 'member', 'Check-ins of this member.'),
  }),
});

rootList('members', {
  collection: 'members',
  dates: listDates('Member', 'members', REPORT_DATES.members),
  connection: MemberConnection,
  description: 'The members of the organization. Report "Members".',
});
rootById('member', Member, 'members', 'One member by id; null when there is none.');
