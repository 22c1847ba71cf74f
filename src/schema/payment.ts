import { PAYMENT_DOCUMENT_TYPE, PAYMENT_STATUS } from '../officernd/enums.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type {
  WireAllocation,
  WireCharge,
  WirePayment,
  WirePaymentAltLine,
  WirePaymentLine,
  WirePlan,
  WireRate,
  WireVatAmount,
} from '../officernd/types.ts';
import { aggregateField, type AggregateSource } from './aggregate.ts';
import { Accounting } from './charge.ts';
import { arrayConnection } from './connection.ts';
import { listDates } from './dates.ts';
import {
  childConnection,
  connectionArgs,
  dateOnly,
  dateTime,
  loadRef,
  rootById,
  rootList,
  wireEnum,
  enumOf,
  elementId,
} from './fields.ts';
import {
  ChargeConnection,
  Fee,
  Member,
  Membership,
  Office,
  Payment,
  PaymentConnection,
  Plan,
  Rate,
  Team,
} from './refs.ts';

export const PaymentDocumentType = enumOf(PAYMENT_DOCUMENT_TYPE);

export const PaymentStatus = enumOf(PAYMENT_STATUS);

export const TaxType = wireEnum('TaxType', 'How the prices of a billing document treat tax (§6.14).', {
  excluded: 'Prices are net: tax is added on top',
  included: 'Prices include tax',
  noTax: 'No tax applies',
});

// A `plan` reference on fees and invoice lines names a price plan or a resource rate (§6.7: v2 tells them apart with
// `planType`; v1 rates are plan-shaped documents with `isRate: true`, §6.16). Both are catalogues, read once per request.

/** The price plan a `plan` reference names, or null when it names a rate. */
export async function planOf(ctx: Context, id: string | null | undefined): Promise<WirePlan | null> {
  const plan = await loadRef(ctx, 'plans', id);
  return plan && plan.isRate !== true ? plan : null;
}

/** The resource rate a `plan` reference names, or null when it names a price plan. */
export function rateOf(ctx: Context, id: string | null | undefined): Promise<WireRate | null> {
  return loadRef(ctx, 'rates', id);
}

/** One invoice line: v1 sends `invoiceLines[]`, some documents `lines[]` with a similar shape (§6.14). */
type WireLine = WirePaymentLine & Pick<WirePaymentAltLine, 'unitDiscount' | 'addOns'>;

/** The lines of a payment, whichever of the two v1 spellings came (the client is tolerant, common brief). */
export function linesOf(payment: WirePayment): WireLine[] {
  if (Array.isArray(payment.invoiceLines) && payment.invoiceLines.length > 0) return payment.invoiceLines;
  if (Array.isArray(payment.lines)) return payment.lines;
  return payment.invoiceLines ?? [];
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const idOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const PaymentLine = builder.objectRef<WireLine>('PaymentLine').implement({
  description: 'One line of an invoice or credit note: what was billed, for which period, at what price and tax.',
  fields: (t) => ({
    description: t.exposeString('description', { description: 'The text of the line as printed on the document.' }),
    quantity: t.exposeFloat('quantity', { description: 'How many units are billed.' }),
    unitPrice: t.exposeFloat('unitPrice', { description: 'Price of one unit, before discount.' }),
    baseUnitPrice: t.exposeFloat('baseUnitPrice', { description: "Unit price in the organization's base currency." }),
    unitDiscount: t.exposeFloat('unitDiscount', { description: 'Discount per unit, as an amount.' }),
    price: t.exposeFloat('price', { description: 'Line amount before discount and tax (quantity × unit price).' }),
    discount: t.float({
      description:
        'Discount on the line as a number (percent or amount, as set upstream); null when a discount id was sent.',
      resolve: (l) => numberOrNull(l.discount),
    }),
    discountId: t.id({
      description: 'The discount definition applied (not one of the reports).',
      resolve: (l) => idOrNull(l.discount),
    }),
    discountAmount: t.exposeFloat('discountAmount', { description: 'Discount on the line, as an amount.' }),
    subtotal: t.exposeFloat('subtotal', { description: 'Line amount after discount, before tax.' }),
    taxPercent: t.float({
      description: 'Tax rate of the line in percent (wire `vatPercent`).',
      resolve: (l) => l.vatPercent ?? null,
    }),
    taxAmount: t.float({
      description: 'Tax on the line, as an amount (wire `vatAmount`).',
      resolve: (l) => l.vatAmount ?? null,
    }),
    total: t.exposeFloat('total', { description: 'Line amount after discount, including tax.' }),
    baseTotal: t.exposeFloat('baseTotal', { description: "Line total in the organization's base currency." }),
    taxRateId: t.id({
      description: 'The tax rate applied (not one of the reports).',
      resolve: (l) => idOrNull(l.taxRate),
    }),
    accountId: t.id({
      description: 'The revenue account the line is booked to (not one of the reports).',
      resolve: (l) => idOrNull(l.account),
    }),
    startDate: t.field({
      type: 'Date',
      description: 'First day of the period billed.',
      resolve: (l) => dateOnly(l.startDate, l, 'startDate'),
    }),
    endDate: t.field({
      type: 'Date',
      description: 'Last day of the period billed.',
      resolve: (l) => dateOnly(l.endDate, l, 'endDate'),
    }),
    addOns: t.field({
      type: 'JSON',
      description: 'Add-ons billed with the line, as sent upstream.',
      resolve: (l) => l.addOns ?? null,
    }),
    plan: t.field({
      type: Plan,
      description: 'The price plan billed; null when the line bills a resource rate (see `rate`) or no plan.',
      resolve: (l, _a, ctx) => planOf(ctx, l.plan),
    }),
    rate: t.field({
      type: Rate,
      description: 'The resource rate billed (booking lines); null when the line bills a price plan (wire `plan`).',
      resolve: (l, _a, ctx) => rateOf(ctx, l.plan),
    }),
    fee: t.field({
      type: Fee,
      description: 'The one-off fee billed on this line.',
      resolve: (l, _a, ctx) => loadRef(ctx, 'fees', l.fee),
    }),
    membership: t.field({
      type: Membership,
      description: 'The membership whose period this line bills.',
      resolve: (l, _a, ctx) => loadRef(ctx, 'memberships', l.membership),
    }),
    office: t.field({
      type: Office,
      description: "The office the line's revenue belongs to.",
      resolve: (l, _a, ctx) => loadRef(ctx, 'offices', l.office),
    }),
  }),
});

const PaymentAllocation = builder.objectRef<WireAllocation>('PaymentAllocation').implement({
  description: 'Part of a credit note or overpayment applied to another document (usually an invoice it settles).',
  fields: (t) => ({
    id: t.id({
      nullable: false,
      description: 'The OfficeRnD id of the allocation.',
      resolve: (a) => elementId(a._id, 'an allocation'),
    }),
    amount: t.exposeFloat('amount', { description: 'The amount applied.' }),
    documentType: t.field({
      type: PaymentDocumentType.ref,
      description: 'The kind of the target document.',
      resolve: (a) => PaymentDocumentType.fromWire(a.documentType) as never,
    }),
    target: t.field({
      type: Payment,
      description: 'The document the amount is applied to.',
      resolve: (a, _args, ctx) => loadRef(ctx, 'payments', a.target),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the allocation was made.',
      resolve: (a) => dateTime(a.createdAt, a, 'createdAt'),
    }),
    accounting: t.field({
      type: Accounting,
      description: 'Accounting-system sync state.',
      resolve: (a) => a.accounting ?? null,
    }),
  }),
});

const PaymentVatAmount = builder.objectRef<WireVatAmount>('PaymentVatAmount').implement({
  description: 'The tax of a document summed per tax rate (wire `vatAmounts[]`).',
  fields: (t) => ({
    percent: t.exposeFloat('percent', { description: 'The tax rate in percent.' }),
    total: t.exposeFloat('total', { description: 'Tax at this rate over all lines, as an amount.' }),
    taxRateId: t.id({ description: 'The tax rate (not one of the reports).', resolve: (v) => idOrNull(v.taxRate) }),
  }),
});

Payment.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'payments' },
  description:
    'A billing document: an invoice, credit note or overpayment, with its lines and allocations. Report "Payments".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    number: t.exposeString('number', { description: 'Document number as printed, e.g. INV-6.' }),
    documentType: t.field({
      type: PaymentDocumentType.ref,
      description: 'Invoice, credit note or overpayment (an absent value upstream means invoice).',
      resolve: (p) => PaymentDocumentType.fromWire(p.documentType ?? 'invoice') as never,
    }),
    status: t.field({
      type: PaymentStatus.ref,
      description: 'Where the document stands: draft, awaiting payment, paid, voided ….',
      resolve: (p) => PaymentStatus.fromWire(p.status) as never,
    }),
    date: t.field({
      type: 'Date',
      description: 'The issue date of the document.',
      resolve: (p) => dateOnly(p.date, p, 'date'),
    }),
    dueDate: t.field({
      type: 'Date',
      description: 'The day payment is due.',
      resolve: (p) => dateOnly(p.dueDate, p, 'dueDate'),
    }),
    periodStart: t.field({
      type: 'Date',
      description: 'First day of the billing period covered.',
      resolve: (p) => dateOnly(p.periodStart, p, 'periodStart'),
    }),
    periodEnd: t.field({
      type: 'Date',
      description: 'Last day of the billing period covered.',
      resolve: (p) => dateOnly(p.periodEnd, p, 'periodEnd'),
    }),
    reference: t.exposeString('reference', { description: 'Free reference text (e.g. a purchase-order number).' }),
    comments: t.exposeString('comments', { description: 'Comments printed on the document.' }),
    source: t.exposeString('source', {
      description: 'Where the document was created (OfficeRnD or an accounting integration).',
    }),
    currency: t.exposeString('currency', { description: "ISO currency code; null means the organization's currency." }),
    currencyConversionRate: t.float({
      description: "Rate from the document currency to the organization's base currency.",
      resolve: (p) => p.currencyConversionRate ?? null,
    }),
    taxType: t.field({
      type: TaxType.ref,
      description: 'Whether prices on the document include tax.',
      resolve: (p) => TaxType.fromWire(p.taxType) as never,
    }),
    amount: t.exposeFloat('amount', {
      description: 'The amount of the document as OfficeRnD reports it (wire `amount`).',
    }),
    subtotal: t.exposeFloat('subtotal', { description: 'Sum of the lines after discount, before tax.' }),
    totalAmount: t.exposeFloat('totalAmount', { description: 'Sum of the lines including tax.' }),
    baseTotal: t.exposeFloat('baseTotal', { description: "The total in the organization's base currency." }),
    discount: t.float({
      description: 'Document-level discount as a number; null when a discount id was sent.',
      resolve: (p) => numberOrNull(p.discount),
    }),
    discountAmount: t.exposeFloat('discountAmount', { description: 'Discount over the whole document, as an amount.' }),
    paidAmount: t.exposeFloat('paidAmount', { description: 'How much has been paid by charges.' }),
    allocatedAmount: t.exposeFloat('allocatedAmount', {
      description: 'How much has been settled by credit notes or overpayments.',
    }),
    payableAmount: t.exposeFloat('payableAmount', { description: 'How much is still to be paid.' }),
    pendingAmount: t.exposeFloat('pendingAmount', { description: 'How much is in payments not settled yet.' }),
    isPaid: t.exposeBoolean('isPaid', { description: 'True when paid in full.' }),
    isFailed: t.exposeBoolean('isFailed', { description: 'True when the last payment attempt failed.' }),
    isSent: t.exposeBoolean('isSent', { description: 'True when the document was sent to the customer.' }),
    isDraft: t.exposeBoolean('isDraft', { description: 'True while the document is a draft.' }),
    isVoided: t.exposeBoolean('isVoided', { description: 'True when the document was voided.' }),
    isOverdue: t.exposeBoolean('isOverdue', { description: 'True when unpaid after its due date.' }),
    isPersonal: t.exposeBoolean('isPersonal', {
      description: 'True when addressed to the member personally rather than to the team.',
    }),
    canEdit: t.exposeBoolean('canEdit', { description: 'Whether OfficeRnD still allows editing it.' }),
    canDelete: t.exposeBoolean('canDelete', { description: 'Whether OfficeRnD still allows deleting it.' }),
    canVoid: t.exposeBoolean('canVoid', { description: 'Whether OfficeRnD allows voiding it.' }),
    lines: t.field({
      type: [PaymentLine],
      nullable: false,
      description: 'What the document bills, line by line (wire `invoiceLines`, or `lines`).',
      resolve: (p) => linesOf(p),
    }),
    vatAmounts: t.field({
      type: [PaymentVatAmount],
      nullable: false,
      description: 'Tax summed per tax rate.',
      resolve: (p) => p.vatAmounts ?? [],
    }),
    allocations: t.field({
      type: [PaymentAllocation],
      nullable: false,
      description: 'Amounts of this credit note or overpayment applied to other documents.',
      resolve: (p) => p.allocations ?? [],
    }),
    processingFeeLine: t.field({
      type: 'JSON',
      description: 'The card-processing fee line added to the document, as sent upstream.',
      resolve: (p) => p.processingFeeLine ?? null,
    }),
    linkedDocuments: t.field({
      type: 'JSON',
      description: 'Other documents linked to this one, as sent upstream.',
      resolve: (p) => p.linkedDocuments ?? null,
    }),
    accounting: t.field({
      type: Accounting,
      description: 'Accounting-system sync state.',
      resolve: (p) => p.accounting ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the document was created.',
      resolve: (p) => dateTime(p.createdAt, p, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the document last changed.',
      resolve: (p) => dateTime(p.modifiedAt, p, 'modifiedAt'),
    }),
    createdById: t.id({
      description: 'The OfficeRnD user (staff account, not a member) who created it.',
      resolve: (p) => p.createdBy ?? null,
    }),
    member: t.field({
      type: Member,
      description: 'The member billed.',
      resolve: (p, _a, ctx) => loadRef(ctx, 'members', p.member),
    }),
    team: t.field({
      type: Team,
      description: 'The team (company) billed.',
      resolve: (p, _a, ctx) => loadRef(ctx, 'teams', p.team),
    }),
    office: t.field({
      type: Office,
      description: 'The office that issued the document.',
      resolve: (p, _a, ctx) => loadRef(ctx, 'offices', p.office),
    }),
    charges: t.field({
      type: ChargeConnection,
      description:
        'The payment transactions against this document: the ones embedded in it when it carries them, else the charges that point at it.',
      args: connectionArgs(t.arg),
      // §6.14: v1 documents may embed their charges; when they do not, the charge list links back via `payment` (§6.3).
      resolve: (p, args, ctx) =>
        Array.isArray(p.charges) && p.charges.length > 0
          ? { ...arrayConnection(p.charges, args, `payments.charges=${p._id}`), aggregateSource: embedded(p.charges) }
          : childConnection(ctx, 'charges', 'payment', p._id, args),
    }),
  }),
});

/** `aggregate` over charges embedded in a document: all of them are in hand. */
const embedded = (charges: readonly WireCharge[]): AggregateSource<WireCharge> => ({
  rows: async () => charges,
  dateField: null,
  timeZone: null,
  weekStartsOn: null,
});

rootList('payments', {
  collection: 'payments',
  dates: listDates('Payment', 'payments', REPORT_DATES.payments),
  connection: PaymentConnection,
  description: 'Invoices, credit notes and overpayments, oldest first. Report "Payments".',
});
rootById(
  'payment',
  Payment,
  'payments',
  'One billing document by id; null when there is none. v1 has no single-payment endpoint (§8), so this reads the payment list once per request.',
);
aggregateField(PaymentConnection, 'payments');
