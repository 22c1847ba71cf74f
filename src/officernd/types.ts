/**
 * Wire shapes of the OfficeRnD v1 list endpoints (shared/officernd-api.md §6, v1 names).
 * They describe what the upstream MAY send: anything not always present is optional,
 * references are `string | null` (24-hex ids, §6 conventions), dates are ISO strings
 * (`YYYY-MM-DDTHH:mm:ss.sssZ`; date-only values at `T00:00:00.000Z`, §4 Timezones).
 * Where the doc has only a v2 shape (contracts, issues, passes, rates, credit stats) the v2
 * shape is used with the §2 renames reversed (location→office, company→team, isX→x, ...).
 * Enum-like fields are plain `string`; their known values are listed in the comments.
 */

import type { ListCollection } from './collections.ts';

/** An id reference as sent on the wire: a 24-hex id, or null/absent when unset (§6). */
export type WireRef = string | null;

/** Open custom-field map keyed by custom-property key (§6 conventions). */
export type WireProperties = Record<string, unknown>;

/** Fields most v1 documents carry (§6 conventions): audit stamps and the owning org. */
export interface WireStamps {
  createdAt?: string | null;
  /** OfficeRnD user id (staff account), not a member; may dangle (§6). */
  createdBy?: WireRef;
  modifiedAt?: string | null;
  modifiedBy?: WireRef;
  /** Org ObjectId, v1 only (§2). */
  organization?: WireRef;
  __v?: number;
}

/** Postal address object on members and teams (§6.10, §6.19). */
export interface WireAddress {
  address?: string | null;
  city?: string | null;
  zip?: string | null;
  state?: string | null;
  country?: string | null;
}

// ---------------------------------------------------------------- bookings (§6.1, §6.2)

/** v1 booking start/end: `dateTime` for timed bookings, `date` for all-day ones (§4 Timezones, §6.1). */
export interface WireDateTimeSlot {
  dateTime: string | null;
  date: string | null;
}

/** Booking recurrence: RFC 5545 rule plus excluded instants (§6.1). */
export interface WireRecurrence {
  /** e.g. `FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10`; null for one-offs. */
  rrule: string | null;
  exdates?: string[];
}

/** A credit consumed by a booking fee (§6.1, v1 per S13; inner shape follows v2). */
export interface WireBookingCredit {
  count?: number;
  credit?: WireRef;
}

/** One entry of `booking.fees[]` (§6.1, v1 per S13). */
export interface WireBookingFee {
  date?: string | null;
  /** → fees */
  fee?: WireRef;
  /** → fees */
  extraFees?: string[];
  credits?: WireBookingCredit[];
  valueCredits?: unknown[];
}

/** Buffer minutes around a booking (§6.1). */
export interface WireServiceSlots {
  before?: number;
  after?: number;
}

/** `GET /bookings` item (§6.1). Recurring bookings appear once (anchor row). */
export interface WireBooking extends WireStamps {
  _id: string;
  /** Occurrence (first instance for a series). */
  start: WireDateTimeSlot;
  end: WireDateTimeSlot;
  /** Whole series window; equal to start/end instants for one-offs. */
  seriesStart?: string | null;
  seriesEnd?: string | null;
  /** IANA zone of the resource's office, e.g. `Europe/Lisbon`. */
  timezone?: string | null;
  /** → resources */
  resourceId?: WireRef;
  /** → offices */
  office?: WireRef;
  /** → teams (team or member required) */
  team?: WireRef;
  /** → members */
  member?: WireRef;
  /** → members (attendees) */
  members?: string[];
  /** → visitors (outside the 20 collections) */
  visitors?: string[];
  /** → rates (a v1 rate is a plan with isRate) */
  plan?: WireRef;
  summary?: string | null;
  description?: string | null;
  recurrence?: WireRecurrence | null;
  fees?: WireBookingFee[];
  canceled?: boolean;
  tentative?: boolean;
  free?: boolean;
  accounted?: boolean;
  accountedUntil?: string | null;
  serviceSlots?: WireServiceSlots | null;
  /** 7-char reference, e.g. `G35X86D`. */
  reference?: string | null;
  /** portal | admin | public | Google | public-api | mobile | ConnectApi | embedded-portal */
  source?: string | null;
  gcalId?: string | null;
  humanizedRecurrence?: string | null;
  /** → bookings */
  parent?: WireRef;
  properties?: WireProperties;
}

/**
 * `GET /bookings/occurrences` item (§6.2): booking-shaped. Our reading: the parent booking's
 * fields with `start`/`end` set to the occurrence; no extra fields are invented.
 */
export type WireBookingOccurrence = WireBooking;

// ---------------------------------------------------------------- charges (§6.3)

/** Payment-gateway linkage of a charge (§6.3). */
export interface WireChargeIntegration {
  providerChargeId?: string | null;
  providerError?: string | null;
}

/** Accounting-integration sync state (§6.3, §6.14). */
export interface WireAccounting {
  provider?: string | null;
  providerId?: string | null;
  externalOrgId?: string | null;
  deepLink?: string | null;
  lastSync?: string | null;
  error?: string | null;
  noSync?: boolean;
  hasLockedCharges?: boolean;
}

/** `GET /charges` item: a payment transaction against an invoice (§6.3). */
export interface WireCharge extends WireStamps {
  _id: string;
  amount: number;
  date?: string | null;
  /** success | pending | fail (v2 adds refund) */
  status?: string | null;
  reference?: string | null;
  /** "OfficeRnD" by default, or an accounting integration */
  source?: string | null;
  /** deposit account name, e.g. "Cash", "Bank Transfer", "Stripe Card" */
  account?: string | null;
  integration?: WireChargeIntegration | null;
  accounting?: WireAccounting | null;
  currency?: string | null;
  /** → payments */
  payment?: WireRef;
  /** → offices */
  office?: WireRef;
  /** → payments */
  sourcePaymentId?: WireRef;
}

// ---------------------------------------------------------------- checkins (§6.4)

/** `GET /checkins` item (§6.4). */
export interface WireCheckin extends WireStamps {
  _id: string;
  /** → members */
  member?: WireRef;
  /** → teams */
  team?: WireRef;
  /** → offices */
  office?: WireRef;
  start: string;
  end?: string | null;
  type?: string | null;
  devices?: string[];
  /** → bookings (v2 field, may appear) */
  booking?: WireRef;
  /** → passes (v2 field, may appear) */
  pass?: WireRef;
  /** e.g. `hotdesk` */
  resourceType?: string | null;
  source?: string | null;
}

// ---------------------------------------------------------------- contracts (§6.5)

/** A price step of a contract line (§6.5). */
export interface WireStep {
  price?: number;
  /** discount definition id */
  discount?: WireRef;
  discountedAmount?: number;
  startDate?: string | null;
  endDate?: string | null;
}

/** A plan or one-off plan line of a contract (§6.5); `id` → plans. */
export interface WireContractPlan {
  id: WireRef;
  count?: number;
  price?: number;
  deposit?: number;
  increasePriceInRolling?: boolean;
  steps?: WireStep[];
}

/** A resource line of a contract (§6.5); `id` → resources. */
export interface WireContractResource {
  id: WireRef;
  size?: number;
  price?: number;
  deposit?: number;
  increasePriceInRolling?: boolean;
  steps?: WireStep[];
}

/** `GET /contracts` item (§6.5; v2 shape with v1 names team/office — assumed). */
export interface WireContract extends WireStamps {
  _id: string;
  /** e.g. `CON-3` */
  number?: string | null;
  /** → teams */
  team?: WireRef;
  /** → members */
  member?: WireRef;
  /** → offices */
  office?: WireRef;
  /** e.g. `membershipagreement` */
  documentType?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  plans?: WireContractPlan[];
  oneOffPlans?: WireContractPlan[];
  resources?: WireContractResource[];
  legalDocuments?: string[];
  addendum?: string | null;
  isRolling?: boolean;
  notice?: { months?: number } | null;
  /** terminated | served_notice | active | up_for_renewal | not_renewed | expired | rolling */
  stage?: string | null;
  /** signed | draft | terminated | not_signed | canceled */
  status?: string | null;
  /** e_signed | manually_signed | out_for_signature | declined | requires_attention | canceled | signed_by_member */
  signatureStatus?: string | null;
  signDate?: string | null;
  signedBy?: { _id?: string; displayName?: string } | null;
  activationErrors?: unknown[];
  termination?: { date?: string | null; reasonKey?: string | null; comments?: string | null } | null;
  total?: number;
  baseTotal?: number;
  plansTotal?: number;
  oneOffsTotal?: number;
  resourcesTotal?: number;
  percentagePriceIncrease?: number | null;
  previousDepositHeld?: number | null;
  /** renewal | expansion | new */
  type?: string | null;
  /** → contracts */
  renewedContract?: WireRef;
  /** → contracts */
  renewalContract?: WireRef;
  properties?: WireProperties;
}

// ---------------------------------------------------------------- credit stats (§6.6)

/** Credit totals for a period (§6.6). */
export interface WireCreditTotals {
  total: number;
  used: number;
  remaining: number;
}

/** `GET /credit-accounts/stats` item (§6.6; v2 coins/stats shape with v1 names). No `_id`. */
export interface WireCreditStat {
  /** credit account id: the item's key */
  creditAccount: string;
  /** → rates */
  resourceRates?: string[];
  /** → resource-types */
  resourceTypes?: string[];
  /** → plans */
  oneOffPlans?: string[];
  /** rates | resourceTypes | oneOffPlans | all */
  validFor?: string | null;
  /** → members */
  member?: WireRef;
  /** → teams */
  team?: WireRef;
  monthly: WireCreditTotals;
  once?: WireCreditTotals;
}

// ---------------------------------------------------------------- fees (§6.7)

/** Invoice linkage of a fee (§6.7); both ids → payments. */
export interface WireFeeInvoice {
  _id?: WireRef;
  /** awaiting_payment | paid | ... (payment status) */
  status?: string | null;
  creditNote?: WireRef;
}

/** `GET /fees` item: a one-off charge (§6.7). */
export interface WireFee extends WireStamps {
  _id: string;
  name?: string | null;
  price?: number;
  quantity?: number;
  /** issue date (date-only) */
  date?: string | null;
  /** → teams */
  team?: WireRef;
  /** → members */
  member?: WireRef;
  /** → offices */
  office?: WireRef;
  /** → plans (or rates) */
  plan?: WireRef;
  /** approved | awaiting_approval */
  status?: string | null;
  isPersonal?: boolean;
  refundable?: boolean;
  billInAdvance?: boolean;
  discountAmount?: number;
  calculatedDiscountAmount?: number;
  discountedPrice?: number;
  markUp?: number | null;
  basePrice?: number;
  isLate?: boolean;
  invoice?: WireFeeInvoice | null;
  valueCredits?: unknown[];
  properties?: WireProperties;
}

// ---------------------------------------------------------------- floors (§6.8)

/** `GET /floors` item (§6.8). v1 resources point at floors via `room`. */
export interface WireFloor extends WireStamps {
  _id: string;
  name?: string | null;
  /** floor number; a string in the v1 sample, an int per the tap schema */
  floor?: string | number | null;
  slug?: string | null;
  /** mm² */
  area?: number | null;
  /** → offices */
  office?: WireRef;
  isOpen?: boolean;
  background?: { height?: number; width?: number; measured?: boolean; uri?: string } | null;
  public?: { height?: number; width?: number; image?: string; x?: number; y?: number; modifiedAt?: string } | null;
  versions?: unknown[];
  exported?: unknown[];
}

// ---------------------------------------------------------------- issues (§6.9)

/** `GET /issues` item (§6.9; v2 tickets shape with v1 names team/office — assumed). */
export interface WireIssue extends WireStamps {
  _id: string;
  subject?: string | null;
  message?: string | null;
  /** open | new | pending | resolved */
  status?: string | null;
  /** → members (creator) */
  member?: WireRef;
  /** → teams */
  team?: WireRef;
  /** → offices */
  office?: WireRef;
  /** → OfficeRnD user (outside the 20 collections) */
  assignedTo?: WireRef;
  /** ticket-option ids */
  type?: WireRef;
  severity?: WireRef;
  priority?: WireRef;
  attachments?: string[];
  resolvedDate?: string | null;
}

// ---------------------------------------------------------------- members (§6.10)

/** A signed legal document on a member (§6.10). */
export interface WireSignedDocument {
  document?: WireRef;
  version?: number;
  minorVersion?: number;
  date?: string | null;
}

/** `GET /members` item (§6.10). */
export interface WireMember extends WireStamps {
  _id: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  /** → offices */
  office?: WireRef;
  /** → teams */
  team?: WireRef;
  /** active | contact | former | pending | not_approved | drop-in | lead */
  status?: string | null;
  /** e.g. active | drop-in | former | contact */
  calculatedStatus?: string | null;
  calculatedStage?: string | null;
  startDate?: string | null;
  contactPerson?: boolean;
  billingPerson?: boolean;
  address?: WireAddress | null;
  details?: { name?: string | null; vatId?: string | null } | null;
  properties?: WireProperties;
  tags?: string[];
  image?: string | null;
  description?: string | null;
  network?: unknown[];
  accounting?: unknown[];
  doorAccess?: unknown[];
  wifiAccess?: unknown[];
  signedDocuments?: WireSignedDocument[];
  paymentDetails?: unknown[];
  cardType?: string | null;
  portalPrivacy?: { hide?: boolean; hideContactDetails?: boolean; hidePublicProfiles?: boolean } | null;
  twitterInfo?: unknown;
  facebook?: string | null;
  instagram?: string | null;
  lang?: string | null;
  lastLogin?: string | null;
  lastSeen?: string | null;
  comments?: string | null;
}

// ---------------------------------------------------------------- memberships (§6.11)

/** A scheduled move of a membership to another resource (§6.11). */
export interface WireMembershipMove {
  _id?: string;
  /** → resources */
  resource?: WireRef;
  /** → memberships */
  membership?: WireRef;
  startDate?: string | null;
  endDate?: string | null;
}

/** `GET /memberships` item: a recurring plan subscription (§6.11). */
export interface WireMembership extends WireStamps {
  _id: string;
  name?: string | null;
  /** → plans */
  plan?: WireRef;
  /** → teams */
  team?: WireRef;
  /** → members */
  member?: WireRef;
  /** → offices */
  office?: WireRef;
  startDate?: string | null;
  /** absent/null for open-ended month_to_month */
  endDate?: string | null;
  price?: number;
  discountedPrice?: number;
  /** discount definition id */
  discount?: WireRef;
  discountAmount?: number;
  calculatedDiscountAmount?: number;
  deposit?: number;
  /** once | hour | day | month */
  intervalLength?: string | null;
  intervalCount?: number;
  isPersonal?: boolean;
  locked?: boolean;
  /** month_to_month | fixed */
  type?: string | null;
  /** approved | not_approved */
  status?: string | null;
  /** not_started | active | expired | not_approved */
  calculatedStatus?: string | null;
  fees?: unknown[];
  addOns?: unknown[];
  invoices?: unknown[];
  move?: WireMembershipMove | null;
  /** → contracts (v2 field, may appear) */
  contract?: WireRef;
  source?: string | null;
  properties?: WireProperties;
}

// ---------------------------------------------------------------- offices (§6.12)

/** A revenue target window of an office (§6.12). */
export interface WireRevenueTarget {
  target?: number;
  startDate?: string | null;
  endDate?: string | null;
}

/** `GET /offices` item (§6.12). */
export interface WireOffice extends WireStamps {
  _id: string;
  name?: string | null;
  slug?: string | null;
  /** a plain string in v1 */
  address?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
  zip?: string | null;
  /** IANA zone, e.g. `Europe/London` */
  timezone?: string | null;
  isOpen?: boolean;
  public?: boolean;
  image?: string | null;
  description?: string | null;
  code?: string | null;
  order?: number | null;
  /** an object per the v1 tap schema, an array in v2: accept both */
  targetRevenuePerPeriod?: WireRevenueTarget | WireRevenueTarget[] | null;
  properties?: WireProperties;
}

// ---------------------------------------------------------------- passes (§6.13)

/** `GET /passes` item: a day-pass set (§6.13; v2 shape with v1 names team/used — assumed). */
export interface WirePass extends WireStamps {
  _id: string;
  count?: number;
  /** v2 `usedCount` */
  used?: number;
  /** month | once */
  intervalLength?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  renewDate?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  /** → teams */
  team?: WireRef;
  /** → members */
  member?: WireRef;
  isPersonal?: boolean;
  /** → memberships */
  membership?: WireRef;
  /** → fees */
  fee?: WireRef;
  shouldGrantActiveStatus?: boolean;
  /** e.g. `hotdesk` */
  resourceType?: string | null;
  /** used | valid | expired | pending */
  status?: string | null;
}

// ---------------------------------------------------------------- payments (§6.14)

/** An allocation of a payment document to another one (§6.14); `target` → payments. */
export interface WireAllocation {
  _id?: string;
  amount?: number;
  target?: WireRef;
  /** invoice | creditNote */
  documentType?: string | null;
  createdAt?: string | null;
  accounting?: WireAccounting | null;
}

/** One line of `payment.invoiceLines[]` (§6.14). */
export interface WirePaymentLine {
  description?: string | null;
  quantity?: number;
  unitPrice?: number;
  price?: number;
  subtotal?: number;
  total?: number;
  baseTotal?: number;
  baseUnitPrice?: number;
  vatPercent?: number;
  vatAmount?: number;
  discount?: WireRef | number;
  discountAmount?: number;
  /** tax-rate id */
  taxRate?: WireRef;
  /** revenue account id */
  account?: WireRef;
  /** → plans */
  plan?: WireRef;
  /** → fees */
  fee?: WireRef;
  /** → memberships */
  membership?: WireRef;
  /** → offices */
  office?: WireRef;
  startDate?: string | null;
  endDate?: string | null;
}

/** One line of `payment.lines[]` (§6.14; similar to invoiceLines). */
export interface WirePaymentAltLine {
  /** → plans */
  plan?: WireRef;
  /** → memberships */
  membership?: WireRef;
  /** → fees */
  fee?: WireRef;
  account?: WireRef;
  quantity?: number;
  unitPrice?: number;
  unitDiscount?: number;
  discount?: WireRef | number;
  vatPercent?: number;
  taxRate?: WireRef;
  /** → offices */
  office?: WireRef;
  description?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  addOns?: unknown[];
}

/** A VAT summary row of a payment (§6.14). */
export interface WireVatAmount {
  total?: number;
  taxRate?: WireRef;
  percent?: number;
}

/** `GET /payments` item: an invoice, credit note or overpayment (§6.14). */
export interface WirePayment extends WireStamps {
  _id: string;
  /** e.g. `INV-6` */
  number?: string | null;
  /** invoice | creditNote (v2 adds overpayment, paymentCharge); default invoice */
  documentType?: string | null;
  date?: string | null;
  dueDate?: string | null;
  /** → teams */
  team?: WireRef;
  /** → members */
  member?: WireRef;
  /** → offices */
  office?: WireRef;
  reference?: string | null;
  /** excluded | included | noTax */
  taxType?: string | null;
  allocations?: WireAllocation[];
  invoiceLines?: WirePaymentLine[];
  lines?: WirePaymentAltLine[];
  vatAmounts?: WireVatAmount[];
  /** embedded charge objects */
  charges?: WireCharge[];
  processingFeeLine?: unknown;
  amount?: number;
  subtotal?: number;
  baseTotal?: number;
  totalAmount?: number;
  discount?: number | WireRef;
  discountAmount?: number;
  paidAmount?: number;
  allocatedAmount?: number;
  payableAmount?: number;
  pendingAmount?: number;
  /** awaiting_payment | draft | failed | paid | partially_paid | pending | refunded | voided | overdue */
  status?: string | null;
  isPaid?: boolean;
  isFailed?: boolean;
  isSent?: boolean;
  isDraft?: boolean;
  isVoided?: boolean;
  isOverdue?: boolean;
  isPersonal?: boolean;
  canEdit?: boolean;
  canDelete?: boolean;
  canVoid?: boolean;
  currency?: string | null;
  currencyConversionRate?: number | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  comments?: string | null;
  linkedDocuments?: unknown[];
  accounting?: WireAccounting | null;
  templates?: unknown;
  source?: string | null;
}

// ---------------------------------------------------------------- plans and rates (§6.15, §6.16)

/** A credit allowance granted by a plan (§6.15). */
export interface WirePlanCredit {
  count?: number;
  /** rates | resourceTypes | oneOffPlans | all */
  validFor?: string | null;
  type?: string | null;
  /** → resource-types (by type or id) */
  resourceTypes?: string[];
  /** → rates */
  rates?: string[];
  /** → plans */
  oneOffPlans?: string[];
}

/** A price component of a rate (§6.15, §6.16). */
export interface WireRateComponent {
  _id?: string;
  price?: number;
  /** hour | day | week | month */
  interval?: string | null;
  intervalQuantity?: number;
  isOffRate?: boolean;
  isWeekendRate?: boolean;
  isHalfDayRate?: boolean;
}

/** A paid add-on of a plan (§6.15). */
export interface WirePlanAddOn {
  _id?: string;
  name?: string | null;
  price?: number;
  deposit?: number;
}

/** Fields shared by plans and rates: v1 rates are plan-shaped documents with `isRate: true` (§6.16). */
export interface WirePlanLike extends WireStamps {
  _id: string;
  name?: string | null;
  code?: string | null;
  description?: string | null;
  image?: string | null;
  /** plans: office | desk | hotdesk | service | custom; rates: a resource type, e.g. meeting_room */
  type?: string | null;
  price?: number;
  /** once | hour | day | month */
  intervalLength?: string | null;
  intervalCount?: number;
  /** revenue account id */
  account?: WireRef;
  amenities?: unknown[];
  /** → offices (empty = all) */
  locations?: string[];
  extras?: unknown[];
  rates?: WireRateComponent[];
  isRate?: boolean;
  useValueCredits?: boolean;
  prorate?: boolean;
  bookingPolicy?: unknown;
}

/** `GET /plans` item: a price plan (§6.15). */
export interface WirePlan extends WirePlanLike {
  deposit?: number;
  depositPercent?: number;
  depositPercentEnabled?: boolean;
  /** → plans */
  setupFees?: string[];
  discounts?: unknown[];
  legalDocuments?: unknown[];
  addOns?: WirePlanAddOn[];
  credits?: WirePlanCredit[];
  markUp?: number | null;
  /** sic: v1 spelling */
  calcellationPolicy?: { _id?: string; minimumPeriod?: number } | null;
  approval?: boolean;
  forMembers?: boolean;
  forNonMembers?: boolean;
  forTeamMembers?: boolean;
  public?: boolean;
  order?: number | null;
  properties?: WireProperties;
}

/** `GET /rates` item: a resource rate, plan-shaped with `isRate: true` (§6.16). */
export type WireRate = WirePlanLike;

// ---------------------------------------------------------------- resources (§6.17)

/** An availability window of a resource (§6.17; an array in v1). */
export interface WireAvailability {
  startDate?: string | null;
  endDate?: string | null;
}

/** Who may use a resource (§6.17). */
export interface WireResourceAccess {
  full?: boolean;
  public?: boolean;
  /** → teams */
  teams?: string[];
  /** → plans */
  plans?: string[];
}

/** `GET /resources` item: a room, desk or office (§6.17). */
export interface WireResource extends WireStamps {
  _id: string;
  name?: string | null;
  /** meeting_room | team_room | desk_tr | desk | hotdesk | desk_na | custom */
  type?: string | null;
  /** → offices */
  office?: WireRef;
  /** → floors ("this is the floor id", §6.8) */
  room?: WireRef;
  /** → rates */
  rate?: WireRef;
  target?: WireRef;
  /** → plans */
  targetPlan?: WireRef;
  /** → resources */
  parents?: string[];
  /** → resources */
  parent?: WireRef;
  number?: number | null;
  size?: number | null;
  /** mm² */
  area?: number | null;
  price?: number | null;
  deposit?: number | null;
  access?: WireResourceAccess | null;
  /** array in the v1 sample, an object in v2: accept both */
  availability?: WireAvailability[] | WireAvailability | null;
  amenities?: unknown[];
  color?: string | null;
  order?: number | null;
  timezone?: string | null;
  status?: string | null;
  image?: string | null;
  description?: string | null;
  move?: unknown;
  properties?: WireProperties;
}

// ---------------------------------------------------------------- resource types (§6.18)

/** `GET /resource-types` item (§6.18): v1 is keyed by `id` (tap schema), v2 by `_id`. */
export interface WireResourceType {
  _id?: string;
  id?: string;
  /** matches `resource.type`, e.g. meeting_room */
  type?: string | null;
  title?: string | null;
  color?: string | null;
  icon?: string | null;
  canBook?: boolean;
  canAssign?: boolean;
  primary?: boolean;
  isSystem?: boolean;
  target?: string | null;
  /** time | date */
  bookingMode?: string | null;
  /** hour | half_day | day */
  checkinMode?: string | null;
  hierarchicalResourcesEnabled?: boolean;
  organization?: WireRef;
}

// ---------------------------------------------------------------- teams (§6.19)

/** Billing details of a team (§6.19). */
export interface WireTeamDetails {
  name?: string | null;
  vatId?: string | null;
  regId?: string | null;
  currency?: string | null;
  currencyConversionRate?: number | null;
  paymentMethod?: string | null;
  date?: string | null;
  differentAddress?: boolean;
}

/** `GET /teams` item: a company (§6.19). */
export interface WireTeam extends WireStamps {
  _id: string;
  name?: string | null;
  email?: string | null;
  url?: string | null;
  /** → offices */
  office?: WireRef;
  description?: string | null;
  image?: string | null;
  tags?: string[];
  properties?: WireProperties;
  startDate?: string | null;
  /** active | former | pending | inactive | not_approved | drop-in | lead */
  calculatedStatus?: string | null;
  calculatedStage?: string | null;
  isTeam?: boolean;
  isSystem?: boolean;
  address?: WireAddress | null;
  details?: WireTeamDetails | null;
  paymentDetails?: unknown[];
  portalPrivacy?: unknown;
  twitterHandle?: string | null;
  twitterInfo?: unknown;
  cardType?: string | null;
  comments?: string | null;
  /** sic: v1 spelling on teams */
  created_by?: WireRef;
}

// ---------------------------------------------------------------- visits (§6.20)

/** `GET /visits` item (§6.20). */
export interface WireVisit extends WireStamps {
  _id: string;
  /** → visitors (outside the 20 collections) */
  visitor?: WireRef;
  /** → members (host) */
  member?: WireRef;
  /** → teams */
  team?: WireRef;
  /** → offices */
  office?: WireRef;
  /** → bookings */
  booking?: WireRef;
  start?: string | null;
  end?: string | null;
}

// ---------------------------------------------------------------- collection map

/** Item type of each list collection of collections.ts. */
export interface WireMap {
  bookings: WireBooking;
  charges: WireCharge;
  checkins: WireCheckin;
  contracts: WireContract;
  fees: WireFee;
  floors: WireFloor;
  issues: WireIssue;
  members: WireMember;
  memberships: WireMembership;
  offices: WireOffice;
  passes: WirePass;
  payments: WirePayment;
  plans: WirePlan;
  rates: WireRate;
  resources: WireResource;
  'resource-types': WireResourceType;
  teams: WireTeam;
  visits: WireVisit;
}

// Fails to compile when WireMap and ListCollection (collections.ts) drift apart.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const wireMapMatchesCollections: SameKeys<keyof WireMap, ListCollection> = true;
void wireMapMatchesCollections;
