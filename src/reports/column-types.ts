/**
 * What each column of a flat report holds: its type and a one-line description, declared once and read by the
 * cell writer (date-only cells as `YYYY-MM-DD`, arrays and objects as JSON values), by the catalogue
 * (`GET /reports`) and by the GraphQL `report(...)` field through the same column plan.
 *
 * Types: `id` (a 24-hex OfficeRnD id), `string`, `number`, `boolean`, `date` (a calendar day, written
 * `YYYY-MM-DD`), `datetime` (an ISO-8601 UTC instant), `json` (an array or object: a JSON value in NDJSON and JSON,
 * JSON text in CSV). The `date` columns are the fields the graph types `Date` (§4 Timezones: date-only values are
 * stored at T00:00:00.000Z and the time is to be ignored); every other date is a `datetime`. A test checks every
 * column of every report has an entry here.
 */

import type { ReportName, ReportSpec } from './registry.ts';

export const COLUMN_TYPES = ['id', 'string', 'number', 'boolean', 'date', 'datetime', 'json'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnInfo {
  readonly type: ColumnType;
  readonly description: string;
}

type Infos = Readonly<Record<string, ColumnInfo>>;

interface ReportColumnInfo {
  /** The object's own columns (dotted paths). */
  readonly columns: Infos;
  /** Per expandable field, the element's columns by sub-path ('' when elements are plain values). */
  readonly elements?: Readonly<Record<string, Infos>>;
}

const id = (description: string): ColumnInfo => ({ type: 'id', description });
const text = (description: string): ColumnInfo => ({ type: 'string', description });
const num = (description: string): ColumnInfo => ({ type: 'number', description });
const flag = (description: string): ColumnInfo => ({ type: 'boolean', description });
const day = (description: string): ColumnInfo => ({ type: 'date', description });
const instant = (description: string): ColumnInfo => ({ type: 'datetime', description });
const json = (description: string): ColumnInfo => ({ type: 'json', description });

/** Columns many reports share; a report's own entry wins. */
const COMMON: Infos = {
  _id: id('The OfficeRnD id of the record.'),
  createdAt: instant('When the record was created.'),
  createdBy: id('The OfficeRnD user who created the record (a staff account, not a member).'),
  modifiedAt: instant('When the record last changed.'),
  modifiedBy: id('The OfficeRnD user who last changed the record.'),
  member: id('The member (join `member.*` for its columns).'),
  team: id('The team, or company (join `team.*`).'),
  office: id('The office, or location (join `office.*`).'),
  properties: json('Custom properties (key → value); `properties.<key>` gives one as its own column.'),
  name: text('The name.'),
  description: text('Free description text.'),
  status: text('The status, as OfficeRnD spells it.'),
  type: text('The type, as OfficeRnD spells it.'),
  source: text('Where the record came from (e.g. portal, admin).'),
  image: text('URL of the image.'),
  timezone: text('IANA time zone, e.g. Europe/Lisbon.'),
  reference: text('Human-readable reference.'),
  currency: text('Currency code.'),
  comments: text('Internal comments.'),
  code: text('Short code.'),
  color: text('Display colour.'),
  order: num('Display order.'),
  price: num('Price in the organisation currency.'),
  deposit: num('Deposit in the organisation currency.'),
  amount: num('Amount in the organisation currency.'),
  isPersonal: flag('Whether it is billed to the member rather than the team.'),
  intervalLength: text('Billing interval unit: once, hour, day or month.'),
  intervalCount: num('Number of interval units per billing period.'),
  startDate: day('First day.'),
  endDate: day('Last day.'),
  email: text('E-mail address.'),
  tags: json('Tags (a list of text).'),
  amenities: json('Amenities (a list).'),
  account: text('The revenue or deposit account.'),
  calculatedStatus: text('Status derived by OfficeRnD from dates and approvals.'),
  calculatedStage: text('Stage derived by OfficeRnD.'),
  isSystem: flag('Whether OfficeRnD created it itself.'),
  public: flag('Whether it is shown publicly.'),
  cardType: text('Card type of the saved payment method.'),
};

const BOOKING: ReportColumnInfo = {
  columns: {
    summary: text('Title of the booking.'),
    'start.dateTime': instant('When the booking starts (for a series, its first occurrence).'),
    'start.date': day('The day of an all-day booking.'),
    'end.dateTime': instant('When the booking ends.'),
    'end.date': day('The last day of an all-day booking.'),
    seriesStart: instant('When the series starts (equals start for a one-off booking).'),
    seriesEnd: instant('When the series ends; empty for an open series.'),
    resourceId: id('The booked resource (join `resource.*`).'),
    members: json('Attendees (member ids); `expand=members` gives one row each.'),
    visitors: json('Visitor ids; `expand=visitors` gives one row each.'),
    plan: id('The rate charged (join `plan.*`).'),
    'recurrence.rrule': text('RFC 5545 recurrence rule of a series.'),
    'recurrence.exdates': json('Excluded occurrence starts of a series.'),
    fees: json('Fees of the booking; `expand=fees` gives one row each.'),
    canceled: flag('Whether the booking is cancelled.'),
    tentative: flag('Whether the booking is tentative.'),
    free: flag('Whether the booking is free of charge.'),
    accounted: flag('Whether the booking has been billed.'),
    accountedUntil: instant('Until when a series has been billed.'),
    'serviceSlots.before': num('Minutes reserved before the booking.'),
    'serviceSlots.after': num('Minutes reserved after the booking.'),
    reference: text('Seven-character booking reference.'),
    source: text('Channel it was made through: portal, admin, public, mobile …'),
    gcalId: text('Id of the linked Google Calendar event.'),
    humanizedRecurrence: text('The recurrence in words.'),
    parent: id('The booking this one was split from.'),
  },
  elements: {
    fees: {
      date: day('The day the fee is for.'),
      fee: id('The fee (join `fees.fee.*`).'),
      extraFees: json('Extra fee ids.'),
      credits: json('Credits used.'),
      valueCredits: json('Value credits used.'),
    },
    members: { '': id('One attendee (join `members.*`).') },
    visitors: { '': id('One visitor id.') },
  },
};

const CONTRACT_LINE: Infos = {
  id: id('The plan of the line (join `<field>.plan.*`).'),
  count: num('Quantity.'),
  price: num('Price per unit.'),
  deposit: num('Deposit.'),
  increasePriceInRolling: flag('Whether the price rises when the contract rolls.'),
  steps: json('Price steps over the term.'),
};

const LINE_COMMON: Infos = {
  description: text('Line text.'),
  quantity: num('Quantity.'),
  unitPrice: num('Price per unit.'),
  discount: num('Discount.'),
  vatPercent: num('Tax percentage.'),
  taxRate: id('The tax rate.'),
  account: id('The revenue account.'),
  plan: id('The plan or rate billed (join `<field>.plan.*`).'),
  fee: id('The fee billed (join `<field>.fee.*`).'),
  membership: id('The membership billed (join `<field>.membership.*`).'),
  office: id('The office of the line (join `<field>.office.*`).'),
  startDate: day('First day of the period billed.'),
  endDate: day('Last day of the period billed.'),
};

const RATE_COMPONENT: Infos = {
  _id: id('Id of the price component.'),
  price: num('Price of the component.'),
  interval: text('Interval unit: hour, day, week or month.'),
  intervalQuantity: num('Interval units per price (4 for a half day of hours).'),
  isOffRate: flag('Whether it is the off-peak price.'),
  isWeekendRate: flag('Whether it is the weekend price.'),
  isHalfDayRate: flag('Whether it is the half-day price.'),
};

const PLAN_LIKE: Infos = {
  image: text('URL of the image.'),
  account: id('The revenue account.'),
  locations: json('Offices it is sold in (ids; empty: all); `expand=locations` gives one row each.'),
  extras: json('Extra plans offered with it.'),
  rates: json('Price components; `expand=rates` gives one row each.'),
  isRate: flag('Whether it is a resource rate rather than a plan.'),
  useValueCredits: flag('Whether value credits can pay for it.'),
  prorate: flag('Whether partial periods are prorated.'),
  bookingPolicy: json('Booking policy.'),
};

const INFO: Readonly<Record<ReportName, ReportColumnInfo>> = {
  bookings: BOOKING,
  'booking-occurrences': BOOKING,
  charges: {
    columns: {
      date: instant('When the money moved.'),
      status: text('success, pending or fail (v2 adds refund).'),
      reference: text('What the transaction was for.'),
      source: text('Who recorded it: OfficeRnD or an accounting integration.'),
      account: text('Deposit account, e.g. Cash, Stripe Card.'),
      payment: id('The invoice paid (join `payment.*`).'),
      office: id('The office of the invoice (join `office.*`).'),
      sourcePaymentId: id('The payment it came from.'),
      'integration.providerChargeId': text('Id of the transaction at the payment gateway.'),
      'integration.providerError': text('Error reported by the payment gateway.'),
      'accounting.provider': text('Accounting integration.'),
      'accounting.providerId': text('Id in the accounting system.'),
      'accounting.lastSync': instant('When it was last synced to accounting.'),
      'accounting.error': text('Last accounting sync error.'),
    },
  },
  checkins: {
    columns: {
      start: instant('When the member checked in.'),
      end: instant('When the member checked out; empty while still in.'),
      type: text('Kind of check-in.'),
      devices: json('Devices used; `expand=devices` gives one row each.'),
      booking: id('The booking checked in to (join `booking.*`).'),
      pass: id('The pass used (join `pass.*`).'),
      resourceType: text('Kind of resource, e.g. hotdesk.'),
    },
    elements: { devices: { '': text('One device.') } },
  },
  contracts: {
    columns: {
      number: text('Contract number, e.g. CON-3.'),
      documentType: text('Kind of document, e.g. membershipagreement.'),
      startDate: day('First day of the term.'),
      endDate: day('Last day of the term.'),
      plans: json('Recurring plan lines; `expand=plans` gives one row each.'),
      oneOffPlans: json('One-off plan lines; `expand=oneOffPlans` gives one row each.'),
      resources: json('Resource lines; `expand=resources` gives one row each.'),
      legalDocuments: json('Legal document ids.'),
      addendum: text('Addendum (HTML).'),
      isRolling: flag('Whether it rolls on after its end.'),
      'notice.months': num('Notice period in months.'),
      stage: text('Stage: active, expired, rolling, terminated …'),
      status: text('Document status: signed, draft, terminated …'),
      signatureStatus: text('Signature state.'),
      signDate: day('The day it was signed.'),
      'signedBy._id': id('Who signed it.'),
      'signedBy.displayName': text('Name of who signed it.'),
      activationErrors: json('Errors raised when it was activated.'),
      'termination.date': day('Termination date.'),
      'termination.reasonKey': text('Termination reason.'),
      'termination.comments': text('Termination comments.'),
      total: num('Total value.'),
      baseTotal: num('Total in the base currency.'),
      plansTotal: num('Total of the plan lines.'),
      oneOffsTotal: num('Total of the one-off lines.'),
      resourcesTotal: num('Total of the resource lines.'),
      percentagePriceIncrease: num('Yearly price increase, in percent.'),
      previousDepositHeld: num('Deposit carried over from the previous contract.'),
      type: text('new, renewal or expansion.'),
      renewedContract: id('The contract this one renews (join `renewedContract.*`).'),
      renewalContract: id('The contract that renews this one (join `renewalContract.*`).'),
    },
    elements: {
      plans: CONTRACT_LINE,
      oneOffPlans: CONTRACT_LINE,
      resources: {
        ...CONTRACT_LINE,
        id: id('The resource of the line (join `resources.resource.*`).'),
        size: num('Size (desks or people).'),
      },
    },
  },
  'credit-accounts': {
    columns: {
      month: text('The month of the balance, YYYY-MM.'),
      creditAccount: id('The credit account.'),
      validFor: text('What the credits pay for: rates, resourceTypes, oneOffPlans or all.'),
      member: id('The member owning the account (join `member.*`).'),
      team: id('The team owning the account (join `team.*`).'),
      'monthly.total': num('Monthly credits granted.'),
      'monthly.used': num('Monthly credits used.'),
      'monthly.remaining': num('Monthly credits left.'),
      'once.total': num('One-off credits granted.'),
      'once.used': num('One-off credits used.'),
      'once.remaining': num('One-off credits left.'),
      resourceRates: json('Rates the credits apply to; `expand=resourceRates` gives one row each.'),
      resourceTypes: json('Resource types the credits apply to; `expand=resourceTypes` gives one row each.'),
      oneOffPlans: json('One-off plans the credits apply to; `expand=oneOffPlans` gives one row each.'),
    },
    elements: {
      resourceRates: { '': id('One rate (join `resourceRates.*`).') },
      resourceTypes: { '': id('One resource type (join `resourceTypes.*`).') },
      oneOffPlans: { '': id('One one-off plan (join `oneOffPlans.*`).') },
    },
  },
  fees: {
    columns: {
      quantity: num('Quantity.'),
      date: day('The issue date of the fee.'),
      plan: id('The plan or rate it was created from (join `plan.*`).'),
      status: text('approved or awaiting_approval.'),
      refundable: flag('Whether it can be refunded.'),
      billInAdvance: flag('Whether it is billed in advance.'),
      discountAmount: num('Discount given.'),
      calculatedDiscountAmount: num('Discount as computed by OfficeRnD.'),
      discountedPrice: num('Price after discount.'),
      markUp: num('Mark-up.'),
      basePrice: num('Price before mark-up.'),
      isLate: flag('Whether it is a late fee.'),
      'invoice._id': id('The invoice it is billed on (join `payment.*`).'),
      'invoice.status': text('Status of that invoice.'),
      'invoice.creditNote': id('The credit note that cancels it (join `creditNote.*`).'),
      valueCredits: json('Value credits used.'),
    },
  },
  floors: {
    columns: {
      floor: text('Floor number or label.'),
      slug: text('URL slug.'),
      area: num('Area in mm².'),
      office: id('The office of the floor (join `office.*`).'),
      isOpen: flag('Whether the floor is open.'),
      'background.height': num('Height of the floor plan image.'),
      'background.width': num('Width of the floor plan image.'),
      'background.measured': flag('Whether the floor plan is to scale.'),
      'background.uri': text('URL of the floor plan image.'),
      'public.height': num('Height of the public floor plan.'),
      'public.width': num('Width of the public floor plan.'),
      'public.image': text('URL of the public floor plan.'),
      'public.x': num('Horizontal offset of the public floor plan.'),
      'public.y': num('Vertical offset of the public floor plan.'),
      'public.modifiedAt': instant('When the public floor plan last changed.'),
      versions: json('Floor plan versions.'),
      exported: json('Exported floor plans.'),
    },
  },
  issues: {
    columns: {
      subject: text('Subject line.'),
      message: text('What was reported.'),
      status: text('open, new, pending or resolved.'),
      assignedTo: id('The OfficeRnD user it is assigned to.'),
      type: id('The ticket type option.'),
      severity: id('The ticket severity option.'),
      priority: id('The ticket priority option.'),
      attachments: json('Attachment URLs; `expand=attachments` gives one row each.'),
      resolvedDate: instant('When it was resolved.'),
    },
    elements: { attachments: { '': text('One attachment URL.') } },
  },
  members: {
    columns: {
      phone: text('Phone number.'),
      status: text('active, contact, former, drop-in, lead …'),
      startDate: day('The day the member started.'),
      contactPerson: flag('Whether the member is the team contact.'),
      billingPerson: flag('Whether the member receives the team invoices.'),
      'address.address': text('Street address.'),
      'address.city': text('City.'),
      'address.zip': text('Postal code.'),
      'address.state': text('State or region.'),
      'address.country': text('Country.'),
      'details.name': text('Billing name.'),
      'details.vatId': text('VAT number.'),
      tags: json('Tags; `expand=tags` gives one row each.'),
      network: json('Network profiles.'),
      accounting: json('Accounting system links.'),
      doorAccess: json('Door access entries.'),
      wifiAccess: json('Wi-Fi access entries.'),
      signedDocuments: json('Legal documents signed; `expand=signedDocuments` gives one row each.'),
      paymentDetails: json('Saved payment methods.'),
      'portalPrivacy.hide': flag('Whether the member is hidden in the portal.'),
      'portalPrivacy.hideContactDetails': flag('Whether contact details are hidden.'),
      'portalPrivacy.hidePublicProfiles': flag('Whether social profiles are hidden.'),
      twitterInfo: json('Twitter profile.'),
      facebook: text('Facebook profile.'),
      instagram: text('Instagram profile.'),
      lang: text('Preferred language.'),
      lastLogin: instant('Last login to the portal or app.'),
      lastSeen: instant('When the member was last seen.'),
    },
    elements: {
      tags: { '': text('One tag.') },
      signedDocuments: {
        document: id('The legal document.'),
        version: num('Major version signed.'),
        minorVersion: num('Minor version signed.'),
        date: instant('When it was signed.'),
      },
    },
  },
  memberships: {
    columns: {
      plan: id('The plan (join `plan.*`).'),
      startDate: day('First day of the membership.'),
      endDate: day('Last day of the membership; empty when open-ended.'),
      discountedPrice: num('Price after discount.'),
      discount: id('The discount definition.'),
      discountAmount: num('Discount given.'),
      calculatedDiscountAmount: num('Discount as computed by OfficeRnD.'),
      locked: flag('Whether the membership is locked.'),
      type: text('month_to_month or fixed.'),
      status: text('approved or not_approved.'),
      calculatedStatus: text('Live state: not_started, active, expired or not_approved.'),
      fees: json('Fees of the membership.'),
      addOns: json('Add-ons.'),
      invoices: json('Invoices of the membership.'),
      'move._id': id('The move to another resource.'),
      'move.resource': id('The resource moved to.'),
      'move.membership': id('The membership of the move.'),
      'move.startDate': day('First day on the new resource.'),
      'move.endDate': day('Last day on the new resource.'),
      contract: id('The contract (join `contract.*`).'),
    },
  },
  offices: {
    columns: {
      slug: text('URL slug.'),
      address: text('Street address.'),
      city: text('City.'),
      state: text('State or region.'),
      country: text('Country.'),
      zip: text('Postal code.'),
      isOpen: flag('Whether the office is open.'),
      public: flag('Whether it is listed publicly.'),
      targetRevenuePerPeriod: json('Revenue targets; `expand=targetRevenuePerPeriod` gives one row each.'),
    },
    elements: {
      targetRevenuePerPeriod: {
        target: num('Target revenue.'),
        startDate: instant('Start of the target period.'),
        endDate: instant('End of the target period.'),
      },
    },
  },
  passes: {
    columns: {
      count: num('Passes in the set.'),
      used: num('Passes used.'),
      startDate: day('First day of the set.'),
      endDate: day('Last day of the set.'),
      renewDate: day('When a monthly set is next renewed.'),
      validFrom: instant('From when the passes can be used.'),
      validTo: instant('Until when the passes can be used.'),
      membership: id('The membership granting it (join `membership.*`).'),
      fee: id('The fee it was bought with (join `fee.*`).'),
      shouldGrantActiveStatus: flag('Whether holding it makes the member active.'),
      resourceType: text('Kind of resource it gives access to, e.g. hotdesk.'),
      status: text('used, valid, expired or pending.'),
    },
  },
  payments: {
    columns: {
      number: text('Document number, e.g. INV-6.'),
      documentType: text('invoice or creditNote.'),
      date: day('The issue date of the document.'),
      dueDate: day('The day payment is due.'),
      taxType: text('excluded, included or noTax.'),
      allocations: json('Allocations to other documents; `expand=allocations` gives one row each.'),
      invoiceLines: json('Invoice lines; `expand=invoiceLines` gives one row each.'),
      lines: json('Lines (the other v1 line list); `expand=lines` gives one row each.'),
      vatAmounts: json('Tax per rate; `expand=vatAmounts` gives one row each.'),
      charges: json('Transactions; `expand=charges` gives one row each.'),
      processingFeeLine: json('Payment processing fee line.'),
      subtotal: num('Total before tax.'),
      baseTotal: num('Total in the base currency.'),
      totalAmount: num('Total with tax.'),
      discount: num('Discount.'),
      discountAmount: num('Discount amount.'),
      paidAmount: num('Amount paid.'),
      allocatedAmount: num('Amount allocated from other documents.'),
      payableAmount: num('Amount still to pay.'),
      pendingAmount: num('Amount in pending transactions.'),
      status: text('Status, e.g. paid, awaiting_payment, voided.'),
      isPaid: flag('Whether it is paid.'),
      isFailed: flag('Whether its payment failed.'),
      isSent: flag('Whether it was sent.'),
      isDraft: flag('Whether it is a draft.'),
      isVoided: flag('Whether it is voided.'),
      isOverdue: flag('Whether it is overdue.'),
      canEdit: flag('Whether it can still be edited.'),
      canDelete: flag('Whether it can be deleted.'),
      canVoid: flag('Whether it can be voided.'),
      currencyConversionRate: num('Rate to the base currency.'),
      periodStart: day('First day of the billing period covered.'),
      periodEnd: day('Last day of the billing period covered.'),
      linkedDocuments: json('Linked documents.'),
      'accounting.provider': text('Accounting integration.'),
      'accounting.providerId': text('Id in the accounting system.'),
      'accounting.lastSync': instant('When it was last synced to accounting.'),
      'accounting.error': text('Last accounting sync error.'),
      'accounting.noSync': flag('Whether it is kept out of accounting sync.'),
      'accounting.hasLockedCharges': flag('Whether accounting has locked its transactions.'),
      templates: json('Document templates.'),
    },
    elements: {
      invoiceLines: {
        ...LINE_COMMON,
        price: num('Line price.'),
        subtotal: num('Line total before tax.'),
        total: num('Line total with tax.'),
        baseTotal: num('Line total in the base currency.'),
        baseUnitPrice: num('Unit price in the base currency.'),
        vatAmount: num('Tax amount.'),
        discountAmount: num('Discount amount.'),
      },
      lines: { ...LINE_COMMON, unitDiscount: num('Discount per unit.'), addOns: json('Add-ons of the line.') },
      allocations: {
        _id: id('The allocation.'),
        amount: num('Amount allocated.'),
        target: id('The document allocated to (join `allocations.target.*`).'),
        documentType: text('Kind of that document.'),
        createdAt: instant('When the allocation was made.'),
      },
      vatAmounts: { total: num('Tax amount.'), taxRate: id('The tax rate.'), percent: num('Tax percentage.') },
      charges: {
        _id: id('The transaction.'),
        amount: num('Amount.'),
        currency: text('Currency code.'),
        date: instant('When the money moved.'),
        status: text('success, pending or fail.'),
        reference: text('What the transaction was for.'),
        source: text('Who recorded it.'),
        account: text('Deposit account.'),
      },
    },
  },
  plans: {
    columns: {
      ...PLAN_LIKE,
      type: text('office, desk, hotdesk, service or custom.'),
      depositPercent: num('Deposit as a percentage of the price.'),
      depositPercentEnabled: flag('Whether the deposit is a percentage.'),
      setupFees: json('Setup-fee plans; `expand=setupFees` gives one row each.'),
      discounts: json('Discounts.'),
      legalDocuments: json('Legal documents to sign.'),
      addOns: json('Add-ons; `expand=addOns` gives one row each.'),
      credits: json('Credit allowances; `expand=credits` gives one row each.'),
      markUp: num('Mark-up.'),
      'calcellationPolicy._id': id('The cancellation policy.'),
      'calcellationPolicy.minimumPeriod': num('Minimum notice of the cancellation policy.'),
      approval: flag('Whether subscribing needs approval.'),
      forMembers: flag('Whether members can buy it.'),
      forNonMembers: flag('Whether non-members can buy it.'),
      forTeamMembers: flag('Whether team members can buy it.'),
    },
    elements: {
      locations: { '': id('One office (join `locations.*`).') },
      setupFees: { '': id('One setup-fee plan (join `setupFees.*`).') },
      addOns: { _id: id('The add-on.'), name: text('Name.'), price: num('Price.'), deposit: num('Deposit.') },
      credits: {
        count: num('Credits granted.'),
        validFor: text('What they pay for.'),
        type: text('Kind of credit.'),
        resourceTypes: json('Resource types they apply to.'),
        rates: json('Rates they apply to.'),
        oneOffPlans: json('One-off plans they apply to.'),
      },
      rates: RATE_COMPONENT,
    },
  },
  rates: {
    columns: { ...PLAN_LIKE, type: text('Resource type it prices, e.g. meeting_room.') },
    elements: { locations: { '': id('One office (join `locations.*`).') }, rates: RATE_COMPONENT },
  },
  resources: {
    columns: {
      type: text('meeting_room, team_room, desk, hotdesk … (join `resourceType.*`).'),
      room: id('The floor (v1 `room`; join `floor.*`).'),
      rate: id('The rate it is booked at (join `rate.*`).'),
      target: id('The plan or membership it is assigned by.'),
      targetPlan: id('The plan it is sold with (join `targetPlan.*`).'),
      parents: json('Parent resources; `expand=parents` gives one row each.'),
      parent: id('The parent resource (join `parent.*`).'),
      number: num('Resource number.'),
      size: num('Capacity (desks or people).'),
      area: num('Area in mm².'),
      'access.full': flag('Whether everyone can book it.'),
      'access.public': flag('Whether it is bookable publicly.'),
      'access.teams': json('Teams with access; `expand=access.teams` gives one row each.'),
      'access.plans': json('Plans with access; `expand=access.plans` gives one row each.'),
      availability: json('Availability windows; `expand=availability` gives one row each.'),
      status: text('Status.'),
      move: json('A pending move.'),
    },
    elements: {
      parents: { '': id('One parent resource (join `parents.*`).') },
      availability: {
        startDate: day('First day the resource is available.'),
        endDate: day('Last day it is available.'),
      },
      'access.teams': { '': id('One team (join `access.teams.*`).') },
      'access.plans': { '': id('One plan (join `access.plans.*`).') },
    },
  },
  'resource-types': {
    columns: {
      _id: id('The id of the resource type (v1 `id`).'),
      type: text('Key the resources name it by, e.g. meeting_room.'),
      title: text('Display name.'),
      icon: text('Icon name.'),
      canBook: flag('Whether resources of this type can be booked.'),
      canAssign: flag('Whether resources of this type can be assigned.'),
      primary: flag('Whether it is a primary type.'),
      target: text('What it is assigned to.'),
      bookingMode: text('time or date.'),
      checkinMode: text('hour, half_day or day.'),
      hierarchicalResourcesEnabled: flag('Whether resources of this type can nest.'),
    },
  },
  teams: {
    columns: {
      url: text('Web site.'),
      startDate: day('The day the company became a customer.'),
      isTeam: flag('Whether it is a team (rather than an individual).'),
      'address.address': text('Street address.'),
      'address.city': text('City.'),
      'address.zip': text('Postal code.'),
      'address.state': text('State or region.'),
      'address.country': text('Country.'),
      'details.name': text('Billing name.'),
      'details.vatId': text('VAT number.'),
      'details.regId': text('Registration number.'),
      'details.currency': text('Billing currency.'),
      'details.currencyConversionRate': num('Rate to the base currency.'),
      'details.paymentMethod': text('Payment method.'),
      'details.date': day('Date attached to the billing details.'),
      'details.differentAddress': flag('Whether billing goes to another address.'),
      tags: json('Tags; `expand=tags` gives one row each.'),
      paymentDetails: json('Saved payment methods.'),
      portalPrivacy: json('Portal privacy settings.'),
      twitterHandle: text('Twitter handle.'),
      twitterInfo: json('Twitter profile.'),
    },
    elements: { tags: { '': text('One tag.') } },
  },
  visits: {
    columns: {
      visitor: id('The visitor (visitors are not one of the reports).'),
      booking: id('The booking of the visit (join `booking.*`).'),
      start: instant('When the visit starts.'),
      end: instant('When the visit ends.'),
    },
  },
};

/** What a column of a report holds; element columns (`fees.date`) need the expanded field. Undefined: unknown. */
export function columnInfo(spec: ReportSpec, column: string, expand: string | null): ColumnInfo | undefined {
  const info = INFO[spec.name];
  if (expand !== null && (column === expand || column.startsWith(`${expand}.`))) {
    const elements = info.elements?.[expand];
    const sub = column === expand ? '' : column.slice(expand.length + 1);
    return elements && Object.hasOwn(elements, sub) ? elements[sub] : undefined;
  }
  if (Object.hasOwn(info.columns, column)) return info.columns[column];
  return Object.hasOwn(COMMON, column) ? COMMON[column] : undefined;
}

/** What a custom property column (`properties.<key>`) holds. */
export const PROPERTY_COLUMN: ColumnInfo = json('A custom property: text as text, anything else as a JSON value.');
