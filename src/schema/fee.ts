import { FEE_STATUS } from '../officernd/enums.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import { listDates } from './dates.ts';
import { aggregateField } from './aggregate.ts';
import { dateOnly, dateTime, loadRef, rootById, rootList, enumOf } from './fields.ts';
import { PaymentStatus, planOf, rateOf } from './payment.ts';
import { Fee, FeeConnection, Member, Office, Payment, Plan, Rate, Team } from './refs.ts';

export const FeeStatus = enumOf(FEE_STATUS);

Fee.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'fees' },
  description:
    'A one-off charge to a member or team (a day pass, a booking, a setup fee, an extra), invoiced on a payment. Report "Fees".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    name: t.exposeString('name', { description: 'What is charged, as shown on the invoice line.' }),
    price: t.exposeFloat('price', { description: 'Unit price before discount.' }),
    quantity: t.exposeFloat('quantity', { description: 'How many units are charged.' }),
    basePrice: t.exposeFloat('basePrice', {
      description: 'The list price of the plan or rate the fee was created from.',
    }),
    discountAmount: t.exposeFloat('discountAmount', { description: 'Discount set on the fee, as an amount.' }),
    calculatedDiscountAmount: t.exposeFloat('calculatedDiscountAmount', {
      description: 'Discount OfficeRnD applied after evaluating discount rules, as an amount.',
    }),
    discountedPrice: t.exposeFloat('discountedPrice', { description: 'Unit price after discount.' }),
    markUp: t.float({
      description: 'Mark-up applied to the price, as set on the plan.',
      resolve: (f) => f.markUp ?? null,
    }),
    issueDate: t.field({
      type: 'Date',
      description: 'The day the fee is charged, which decides the invoice period (wire `date`).',
      resolve: (f) => dateOnly(f.date, f, 'date'),
    }),
    status: t.field({
      type: FeeStatus.ref,
      description: 'Whether the fee is approved or waits for approval.',
      resolve: (f) => FeeStatus.fromWire(f.status) as never,
    }),
    isPersonal: t.exposeBoolean('isPersonal', {
      description: 'True when billed to the member personally rather than to their team.',
    }),
    isRefundable: t.boolean({
      description: 'Whether the fee may be refunded (wire `refundable`).',
      resolve: (f) => f.refundable ?? null,
    }),
    shouldBillInAdvance: t.boolean({
      description: 'Whether the fee is invoiced before its date rather than after (wire `billInAdvance`).',
      resolve: (f) => f.billInAdvance ?? null,
    }),
    isLate: t.exposeBoolean('isLate', { description: 'True when the fee was added after its period was invoiced.' }),
    valueCredits: t.field({
      type: 'JSON',
      description: 'Value credits (coins) used to pay the fee, as sent upstream.',
      resolve: (f) => f.valueCredits ?? null,
    }),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (f) => f.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the fee was created.',
      resolve: (f) => dateTime(f.createdAt, f, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the fee last changed.',
      resolve: (f) => dateTime(f.modifiedAt, f, 'modifiedAt'),
    }),
    createdById: t.id({
      description: 'The OfficeRnD user (staff account, not a member) who created it.',
      resolve: (f) => f.createdBy ?? null,
    }),
    member: t.field({
      type: Member,
      description: 'The member charged.',
      resolve: (f, _a, ctx) => loadRef(ctx, 'members', f.member),
    }),
    team: t.field({
      type: Team,
      description: 'The team (company) charged.',
      resolve: (f, _a, ctx) => loadRef(ctx, 'teams', f.team),
    }),
    office: t.field({
      type: Office,
      description: 'The office the revenue belongs to.',
      resolve: (f, _a, ctx) => loadRef(ctx, 'offices', f.office),
    }),
    plan: t.field({
      type: Plan,
      description: 'The price plan the fee was created from; null when it came from a resource rate (see `rate`).',
      resolve: (f, _a, ctx) => planOf(ctx, f.plan),
    }),
    rate: t.field({
      type: Rate,
      description:
        'The resource rate the fee was created from (a booking fee); null when it came from a plan (wire `plan`).',
      resolve: (f, _a, ctx) => rateOf(ctx, f.plan),
    }),
    payment: t.field({
      type: Payment,
      description: 'The invoice the fee is billed on; null while not invoiced (wire `invoice._id`).',
      resolve: (f, _a, ctx) => loadRef(ctx, 'payments', f.invoice?._id),
    }),
    paymentStatus: t.field({
      type: PaymentStatus.ref,
      description:
        'The status of that invoice as recorded on the fee (wire `invoice.status`); may lag the invoice itself.',
      resolve: (f) => PaymentStatus.fromWire(f.invoice?.status) as never,
    }),
    creditNote: t.field({
      type: Payment,
      description: "The credit note that cancelled the fee's invoice line, if any (wire `invoice.creditNote`).",
      resolve: (f, _a, ctx) => loadRef(ctx, 'payments', f.invoice?.creditNote),
    }),
  }),
});

rootList('fees', {
  collection: 'fees',
  dates: listDates('Fee', 'fees', REPORT_DATES.fees),
  connection: FeeConnection,
  description: 'One-off fees, oldest first. Report "Fees".',
});
rootById(
  'fee',
  Fee,
  'fees',
  'One fee by id; null when there is none. v1 has no single-fee endpoint (§8), so this reads the fee list once per request.',
);
aggregateField(FeeConnection, 'fees');
