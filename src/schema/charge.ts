import { CHARGE_STATUS } from '../officernd/enums.ts';
import { builder } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type { WireAccounting, WireChargeIntegration } from '../officernd/types.ts';
import { listDates } from './dates.ts';
import { aggregateField } from './aggregate.ts';
import { dateTime, loadRef, rootById, rootList, enumOf } from './fields.ts';
import { Charge, ChargeConnection, Office, Payment } from './refs.ts';

export const ChargeStatus = enumOf(CHARGE_STATUS);

/** Accounting-integration sync state, shared by charges, payments and allocations (§6.3, §6.14). */
export const Accounting = builder.objectRef<WireAccounting>('Accounting').implement({
  description: 'How a billing document or transaction is synced to the accounting system (Xero, QuickBooks …).',
  fields: (t) => ({
    provider: t.exposeString('provider', {
      description: 'The accounting integration, e.g. xero or quickbooks; null when not synced.',
    }),
    providerId: t.exposeString('providerId', { description: 'The id of the record in the accounting system.' }),
    externalOrgId: t.exposeString('externalOrgId', { description: 'The organization id in the accounting system.' }),
    deepLink: t.exposeString('deepLink', { description: 'A link to the record in the accounting system.' }),
    lastSync: t.field({
      type: 'DateTime',
      description: 'When it was last synced.',
      resolve: (a) => dateTime(a.lastSync, a, 'lastSync'),
    }),
    error: t.exposeString('error', { description: 'The error of the last sync attempt; null when it succeeded.' }),
    noSync: t.exposeBoolean('noSync', { description: 'True when an admin excluded it from syncing.' }),
    hasLockedCharges: t.exposeBoolean('hasLockedCharges', {
      description: 'True when some of its transactions are locked in the accounting system (a closed period).',
    }),
  }),
});

const ChargeIntegration = builder.objectRef<WireChargeIntegration>('ChargeIntegration').implement({
  description: 'How a charge relates to the card or bank payment gateway that processed it (wire `integration`).',
  fields: (t) => ({
    providerChargeId: t.exposeString('providerChargeId', {
      description: "The gateway's own transaction id (e.g. a Stripe `ch_…`).",
    }),
    providerError: t.exposeString('providerError', {
      description: "The gateway's error message when the transaction failed.",
    }),
  }),
});

Charge.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'charges' },
  description:
    'A payment transaction recorded against an invoice: a card payment, bank transfer, cash receipt or refund. Report "Charges".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    amount: t.exposeFloat('amount', { description: 'Amount of money moved, in the currency of the charge.' }),
    currency: t.exposeString('currency', { description: "ISO currency code; null means the organization's currency." }),
    date: t.field({
      type: 'DateTime',
      description: 'When the money moved.',
      resolve: (c) => dateTime(c.date, c, 'date'),
    }),
    status: t.field({
      type: ChargeStatus.ref,
      description: 'Whether the transaction succeeded, is pending, failed or was refunded.',
      resolve: (c) => ChargeStatus.fromWire(c.status) as never,
    }),
    reference: t.exposeString('reference', { description: 'Human-readable description of the transaction.' }),
    source: t.exposeString('source', {
      description: 'Where the charge was recorded: "OfficeRnD" or an accounting integration.',
    }),
    account: t.exposeString('account', {
      description: 'The deposit account the money went to, e.g. "Cash", "Bank Transfer", "Stripe Card".',
    }),
    integration: t.field({
      type: ChargeIntegration,
      description: 'Payment-gateway details (transaction id, error).',
      resolve: (c) => c.integration ?? null,
    }),
    accounting: t.field({
      type: Accounting,
      description: 'Accounting-system sync state.',
      resolve: (c) => c.accounting ?? null,
    }),
    payment: t.field({
      type: Payment,
      description: 'The invoice (or credit note) this transaction pays.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'payments', c.payment),
    }),
    sourcePayment: t.field({
      type: Payment,
      description: 'The document the money came from when it was moved between documents (wire `sourcePaymentId`).',
      resolve: (c, _a, ctx) => loadRef(ctx, 'payments', c.sourcePaymentId),
    }),
    office: t.field({
      type: Office,
      description: 'The office of the invoice this charge pays.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'offices', c.office),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the charge was recorded.',
      resolve: (c) => dateTime(c.createdAt, c, 'createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the charge last changed (equals createdAt until the first change).',
      resolve: (c) => dateTime(c.modifiedAt, c, 'modifiedAt'),
    }),
    createdById: t.id({
      description: 'The OfficeRnD user (staff account, not a member) who recorded it.',
      resolve: (c) => c.createdBy ?? null,
    }),
  }),
});

rootList('charges', {
  collection: 'charges',
  dates: listDates('Charge', 'charges', REPORT_DATES.charges),
  connection: ChargeConnection,
  description: 'Payment transactions against invoices, oldest first. Report "Charges".',
});
rootById(
  'charge',
  Charge,
  'charges',
  'One payment transaction by id; null when there is none. v1 has no single-charge endpoint (§8), so this reads the charge list once per request.',
);
aggregateField(ChargeConnection, 'charges');
