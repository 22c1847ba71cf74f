/**
 * Billing documents: monthly invoices and credit notes (§6.14) and the charges paying them (§6.3).
 * Invoices bill each holder's memberships for the month in advance plus last month's approved
 * fees; credit notes refund one invoice line and allocate to that invoice. Amounts add up:
 * line total = subtotal + VAT, invoice amount = Σ line totals = paid + allocated + payable.
 */

import type { WireAllocation, WireCharge, WirePayment, WirePaymentLine } from '../../officernd/types.ts';
import type { MemberInfo, MembershipInfo, TeamInfo } from './community.ts';
import type { GenContext } from './context.ts';
import type { FeeInfo } from './fees.ts';
import { money, pushTo } from './maps.ts';
import { CHARGE_ACCOUNTS } from './names.ts';
import type { OfficeSite } from './spaces.ts';
import { addMonths, DAY, dateOnly, HOUR, iso, MINUTE } from './time.ts';

interface Holder {
  team: TeamInfo | null;
  member: MemberInfo | null;
  site: OfficeSite;
  memberships: MembershipInfo[];
  /** Fees keyed by the start (ms) of the month they are billed in. */
  fees: Map<number, FeeInfo[]>;
}

interface Invoice {
  payment: WirePayment;
  holder: Holder;
  dateMs: number;
  createdMs: number;
  fees: FeeInfo[];
}

export interface Billing {
  payments: WirePayment[];
  charges: WireCharge[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function buildLine(
  description: string,
  quantity: number,
  unitPrice: number,
  discountAmount: number,
  vat: number,
  refs: Partial<WirePaymentLine>,
): WirePaymentLine {
  const price = money(quantity * unitPrice);
  const subtotal = money(price - discountAmount);
  const vatAmount = money((subtotal * vat) / 100);
  const total = money(subtotal + vatAmount);
  return {
    description,
    quantity,
    unitPrice,
    price,
    discountAmount,
    subtotal,
    vatPercent: vat,
    vatAmount,
    total,
    baseTotal: total,
    baseUnitPrice: unitPrice,
    ...refs,
  };
}

/** Sums invoice lines into the document-level money fields. */
interface Totals {
  subtotal: number;
  discountAmount: number;
  amount: number;
  totalAmount: number;
  baseTotal: number;
  vatAmounts: { total: number; percent: number }[];
}

function totals(lines: readonly WirePaymentLine[]): Totals {
  const byPercent = new Map<number, number>();
  let subtotal = 0;
  let discount = 0;
  let amount = 0;
  for (const line of lines) {
    subtotal += line.subtotal ?? 0;
    discount += line.discountAmount ?? 0;
    amount += line.total ?? 0;
    byPercent.set(line.vatPercent ?? 0, (byPercent.get(line.vatPercent ?? 0) ?? 0) + (line.vatAmount ?? 0));
  }
  return {
    subtotal: money(subtotal),
    discountAmount: money(discount),
    amount: money(amount),
    totalAmount: money(amount),
    baseTotal: money(amount),
    vatAmounts: [...byPercent].map(([percent, total]) => ({ total: money(total), percent })),
  };
}

/** Creates ~5000 payments (≈5% credit notes) and ~4000 charges at scale 1; links fees to them. */
export function createBilling(
  ctx: GenContext,
  memberships: readonly MembershipInfo[],
  fees: readonly FeeInfo[],
): Billing {
  const rnd = ctx.random('payments');
  const budget = ctx.count(5000, 2);
  const creditNoteBudget = Math.round(budget * 0.05);
  const invoiceBudget = budget - creditNoteBudget;
  const firstMonth = addMonths(ctx.now, -12);
  const currentMonth = addMonths(ctx.now, 0);

  const holders = new Map<string, Holder>();
  const holderOf = (key: string, team: TeamInfo | null, member: MemberInfo | null, site: OfficeSite): Holder => {
    let holder = holders.get(key);
    if (!holder) {
      holder = { team, member, site, memberships: [], fees: new Map() };
      holders.set(key, holder);
    }
    return holder;
  };
  for (const m of memberships) {
    if (m.membership.status !== 'approved') continue;
    const personal = m.membership.isPersonal || !m.team;
    const holder =
      personal && m.member
        ? holderOf(`member:${m.member.member._id}`, null, m.member, m.member.site)
        : m.team
          ? holderOf(`team:${m.team.team._id}`, m.team, null, m.team.site)
          : null;
    holder?.memberships.push(m);
  }
  for (const f of fees) {
    if (f.fee.status !== 'approved') continue;
    // Fees are billed on the next monthly invoice; this month's fees are not invoiced yet.
    const billedIn = addMonths(f.dateMs, 1);
    if (billedIn > currentMonth || billedIn < firstMonth) continue;
    const holder = f.team
      ? holderOf(`team:${f.team.team._id}`, f.team, null, f.team.site)
      : f.member
        ? holderOf(`member:${f.member.member._id}`, null, f.member, f.member.site)
        : null;
    if (holder) pushTo(holder.fees, billedIn, f);
  }

  const months: { monthStart: number; monthEnd: number; period: string; firstDay: string; lastDay: string }[] = [];
  for (let monthStart = firstMonth; monthStart <= currentMonth; monthStart = addMonths(monthStart, 1)) {
    const date = new Date(monthStart);
    const monthEnd = addMonths(monthStart, 1);
    const period = `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
    months.push({ monthStart, monthEnd, period, firstDay: dateOnly(monthStart), lastDay: dateOnly(monthEnd - DAY) });
  }
  const invoices: Invoice[] = [];
  for (const holder of rnd.sample([...holders.values()], holders.size)) {
    if (invoices.length >= invoiceBudget) break;
    for (const { monthStart, monthEnd, period, firstDay, lastDay } of months) {
      if (invoices.length >= invoiceBudget) break;
      const vat = holder.site.vat;
      const lines: WirePaymentLine[] = [];
      for (const m of holder.memberships) {
        if (m.startMs >= monthEnd || (m.endMs !== null && m.endMs <= monthStart)) continue;
        lines.push(
          buildLine(
            `${m.plan.plan.name ?? 'Membership'} – ${period}`,
            1,
            m.membership.price ?? 0,
            m.membership.discountAmount ?? 0,
            vat,
            {
              plan: m.plan.plan._id,
              membership: m.membership._id,
              office: m.site.office._id,
              startDate: firstDay,
              endDate: lastDay,
            },
          ),
        );
      }
      const monthFees = holder.fees.get(monthStart) ?? [];
      for (const f of monthFees) {
        lines.push(
          buildLine(f.fee.name ?? 'Fee', f.fee.quantity ?? 1, f.fee.price ?? 0, f.fee.discountAmount ?? 0, vat, {
            plan: f.fee.plan ?? null,
            fee: f.fee._id,
            office: f.site.office._id,
            startDate: f.fee.date ?? null,
            endDate: f.fee.date ?? null,
          }),
        );
      }
      if (lines.length === 0) continue;
      const createdMs = ctx.clampPast(monthStart + 6 * HOUR + rnd.int(0, 120) * MINUTE);
      const sums = totals(lines);
      const payment: WirePayment = {
        _id: ctx.newId(createdMs),
        number: '',
        documentType: 'invoice',
        date: firstDay,
        dueDate: dateOnly(monthStart + 14 * DAY),
        team: holder.team ? holder.team.team._id : null,
        member: holder.member ? holder.member.member._id : null,
        office: holder.site.office._id,
        taxType: 'excluded',
        allocations: [],
        invoiceLines: lines,
        subtotal: sums.subtotal,
        discountAmount: sums.discountAmount,
        amount: sums.amount,
        totalAmount: sums.totalAmount,
        baseTotal: sums.baseTotal,
        vatAmounts: sums.vatAmounts,
        paidAmount: 0,
        allocatedAmount: 0,
        payableAmount: 0,
        pendingAmount: 0,
        status: 'awaiting_payment',
        isPersonal: holder.team === null,
        currency: holder.site.currency,
        currencyConversionRate: 1,
        periodStart: firstDay,
        periodEnd: lastDay,
        source: 'OfficeRnD',
        ...ctx.stamps(rnd, createdMs),
      };
      if (rnd.chance(0.1)) payment.reference = `PO-${rnd.int(10_000, 99_999)}`;
      const due = monthStart + 14 * DAY;
      payment.status =
        monthStart === currentMonth
          ? rnd.weighted<string>([
              ['awaiting_payment', 55],
              ['paid', 25],
              ['draft', 20],
            ])
          : rnd.weighted<string>(
              due < ctx.now
                ? [
                    ['paid', 87],
                    ['partially_paid', 3],
                    ['awaiting_payment', 5],
                    ['failed', 2],
                    ['voided', 3],
                  ]
                : [
                    ['paid', 60],
                    ['awaiting_payment', 40],
                  ],
            );
      invoices.push({ payment, holder, dateMs: monthStart, createdMs, fees: monthFees });
    }
  }

  // Credit notes: refund one line of an issued invoice and allocate the refund to it.
  const creditNotes: Invoice[] = [];
  const refundable = rnd.sample(
    invoices.filter((i) => i.payment.status !== 'voided' && i.payment.status !== 'draft'),
    creditNoteBudget,
  );
  const feeById = new Map(fees.map((f) => [f.fee._id, f]));
  for (const target of refundable) {
    const source = rnd.pick(target.payment.invoiceLines ?? []);
    const createdMs = ctx.clampPast(target.createdMs + rnd.int(1, 25) * DAY);
    const _id = ctx.newId(createdMs);
    const lines = [{ ...source, description: `Credit: ${source.description ?? ''}` }];
    const sums = totals(lines);
    const amount = sums.amount;
    const allocation = (targetId: string, documentType: string): WireAllocation => ({
      _id: ctx.newId(createdMs),
      amount,
      target: targetId,
      documentType,
      createdAt: iso(createdMs),
    });
    const payment: WirePayment = {
      _id,
      number: '',
      documentType: 'creditNote',
      date: dateOnly(createdMs),
      dueDate: dateOnly(createdMs),
      team: target.payment.team ?? null,
      member: target.payment.member ?? null,
      office: target.payment.office ?? null,
      taxType: 'excluded',
      allocations: [allocation(target.payment._id, 'invoice')],
      invoiceLines: lines,
      subtotal: sums.subtotal,
      discountAmount: sums.discountAmount,
      amount,
      totalAmount: sums.totalAmount,
      baseTotal: sums.baseTotal,
      vatAmounts: sums.vatAmounts,
      paidAmount: 0,
      allocatedAmount: amount,
      payableAmount: 0,
      pendingAmount: 0,
      status: 'paid',
      isPersonal: target.payment.isPersonal ?? false,
      currency: target.payment.currency ?? null,
      currencyConversionRate: 1,
      source: 'OfficeRnD',
      ...ctx.stamps(rnd, createdMs),
    };
    target.payment.allocations = [...(target.payment.allocations ?? []), allocation(_id, 'creditNote')];
    target.payment.allocatedAmount = money((target.payment.allocatedAmount ?? 0) + amount);
    const fee = source.fee ? feeById.get(source.fee) : undefined;
    if (fee) fee.fee.invoice = { _id: target.payment._id, status: null, creditNote: _id };
    creditNotes.push({ payment, holder: target.holder, dateMs: createdMs, createdMs, fees: [] });
  }

  const charges: WireCharge[] = [];
  const byDate = (a: Invoice, b: Invoice) =>
    a.dateMs - b.dateMs || a.createdMs - b.createdMs || (a.payment._id < b.payment._id ? -1 : 1);
  invoices.sort(byDate).forEach((inv, index) => {
    const p = inv.payment;
    p.number = `INV-${index + 1}`;
    const amount = p.amount ?? 0;
    const open = money(amount - (p.allocatedAmount ?? 0));
    if (p.status !== 'voided' && p.status !== 'draft' && open <= 0) p.status = 'paid';
    const paid = p.status === 'paid' ? open : p.status === 'partially_paid' ? money(open / 2) : 0;
    p.paidAmount = paid;
    p.payableAmount = p.status === 'voided' ? 0 : money(open - paid);
    p.isPaid = p.status === 'paid';
    p.isFailed = p.status === 'failed';
    p.isDraft = p.status === 'draft';
    p.isVoided = p.status === 'voided';
    p.isSent = p.status !== 'draft';
    p.isOverdue = (p.payableAmount ?? 0) > 0 && inv.dateMs + 14 * DAY < ctx.now;
    for (const f of inv.fees) {
      f.fee.invoice = { _id: p._id, status: p.status, creditNote: f.fee.invoice?.creditNote ?? null };
    }
    // Failed collections come from card and direct-debit gateways, never from cash.
    const account = p.status === 'failed' ? rnd.pick(['Stripe Card', 'GoCardless']) : rnd.pick(CHARGE_ACCOUNTS);
    const charge = (status: string, value: number, atMs: number): void => {
      const at = ctx.clampPast(atMs);
      const c: WireCharge = {
        _id: ctx.newId(at),
        amount: value,
        date: iso(at),
        status,
        reference: `Payment for ${p.number ?? ''}`,
        source: 'OfficeRnD',
        account,
        currency: p.currency ?? null,
        payment: p._id,
        office: p.office ?? null,
        ...ctx.stamps(rnd, at),
      };
      if (account === 'Stripe Card' || account === 'GoCardless') {
        c.integration = {
          providerChargeId: `${account === 'Stripe Card' ? 'ch_' : 'PM'}${rnd.hex(24)}`,
          providerError: status === 'fail' ? 'card_declined' : null,
        };
      }
      charges.push(c);
    };
    const paidAt = inv.createdMs + rnd.int(1, 20 * 24) * HOUR;
    if (
      p.status === 'failed' ||
      ((p.status === 'paid' || p.status === 'partially_paid') && paid > 0 && rnd.chance(0.05))
    ) {
      charge('fail', p.status === 'failed' ? (p.payableAmount ?? 0) : paid, paidAt - 2 * DAY);
    }
    if (paid > 0) charge('success', paid, paidAt);
    if (p.status === 'awaiting_payment' && account === 'GoCardless' && (p.payableAmount ?? 0) > 0)
      charge('pending', p.payableAmount ?? 0, paidAt);
    const lastCharge = charges[charges.length - 1];
    if (lastCharge && lastCharge.payment === p._id && (lastCharge.createdAt ?? '') > (p.modifiedAt ?? ''))
      p.modifiedAt = lastCharge.createdAt ?? null;
  });
  creditNotes.sort(byDate).forEach((cn, index) => {
    cn.payment.number = `CN-${index + 1}`;
    cn.payment.isPaid = true;
    cn.payment.isSent = true;
  });
  return { payments: [...invoices, ...creditNotes].map((i) => i.payment), charges };
}
