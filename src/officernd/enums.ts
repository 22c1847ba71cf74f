/**
 * The enumerated values of OfficeRnD fields that the gateway filters on, with what each means (v1 spellings,
 * shared/officernd-api.md §6). One declaration read by the GraphQL enums, the collection filters and the exports.
 */

export interface EnumSpec {
  /** GraphQL name of the enum. */
  name: string;
  description: string;
  /** Wire value → what it means. */
  values: Readonly<Record<string, string>>;
}

export const BOOKING_SOURCE: EnumSpec = {
  name: 'BookingSource',
  description: 'Where a booking was made (§6.1 `source`).',
  values: {
    portal: 'The member portal',
    admin: 'The admin dashboard',
    public: 'The public booking page',
    Google: 'Google Calendar sync',
    'public-api': 'The OfficeRnD API',
    mobile: 'The member app',
    ConnectApi: 'A connected app',
    'embedded-portal': 'An embedded member portal',
  },
};

export const CHARGE_STATUS: EnumSpec = {
  name: 'ChargeStatus',
  description: 'Outcome of a payment transaction (§6.3).',
  values: {
    success: 'The money was received',
    pending: 'Submitted and not settled yet',
    fail: 'The transaction failed',
    refund: 'The money was paid back',
  },
};

export const CONTRACT_STATUS: EnumSpec = {
  name: 'ContractStatus',
  description: 'The document status of a contract (§6.5).',
  values: {
    draft: 'Being prepared',
    not_signed: 'Sent but not signed',
    signed: 'Signed',
    terminated: 'Terminated',
    canceled: 'Cancelled before it took effect',
  },
};

export const CONTRACT_STAGE: EnumSpec = {
  name: 'ContractStage',
  description: 'Where a contract is in its life cycle (§6.5).',
  values: {
    active: 'Running',
    up_for_renewal: 'Nearing its end; a renewal is due',
    served_notice: 'Notice has been served',
    rolling: 'Past its term and rolling on',
    not_renewed: 'Ended without renewal',
    expired: 'Its term has ended',
    terminated: 'Ended early',
  },
};

export const CONTRACT_TYPE: EnumSpec = {
  name: 'ContractType',
  description: 'Why a contract was made (§6.5).',
  values: {
    new: 'A new customer agreement',
    renewal: 'Renews an earlier contract',
    expansion: 'Adds to an existing agreement',
  },
};

export const FEE_STATUS: EnumSpec = {
  name: 'FeeStatus',
  description: 'Approval state of a one-off fee (§6.7).',
  values: {
    approved: 'Approved: it will be (or was) invoiced',
    awaiting_approval: 'Waiting for an admin to approve it',
  },
};

export const ISSUE_STATUS: EnumSpec = {
  name: 'IssueStatus',
  description: 'Where a help-desk issue stands (§6.9).',
  values: {
    new: 'Just reported, not looked at',
    open: 'Being worked on',
    pending: 'Waiting for someone',
    resolved: 'Resolved',
  },
};

export const MEMBER_STATUS: EnumSpec = {
  name: 'MemberStatus',
  description: 'Where a member stands with the organization (§6.10).',
  values: {
    active: 'An active member',
    contact: 'A contact, not (yet) a member',
    former: 'A former member',
    pending: 'Awaiting approval or activation',
    not_approved: 'Rejected by an admin',
    'drop-in': 'A drop-in visitor without a recurring membership',
    lead: 'A sales lead',
  },
};

export const MEMBERSHIP_STATUS: EnumSpec = {
  name: 'MembershipStatus',
  description: 'Whether an admin approved a membership (§6.11).',
  values: {
    approved: 'Approved',
    not_approved: 'Not (yet) approved',
  },
};

export const MEMBERSHIP_CALCULATED_STATUS: EnumSpec = {
  name: 'MembershipCalculatedStatus',
  description:
    'The live state of a membership, derived by OfficeRnD from its dates and approval (§6.11; use this for "is it running now").',
  values: {
    not_started: 'Approved but its start date is still ahead',
    active: 'Running now',
    expired: 'Its end date has passed',
    not_approved: 'Not approved, so not running',
  },
};

export const MEMBERSHIP_TYPE: EnumSpec = {
  name: 'MembershipType',
  description: 'How long a membership runs (§6.11).',
  values: {
    month_to_month: 'Open-ended, renewed every period until ended',
    fixed: 'Runs for a fixed term with an end date',
  },
};

export const PASS_STATUS: EnumSpec = {
  name: 'PassStatus',
  description: 'Whether a day-pass set can still be used (§6.13).',
  values: {
    valid: 'Can be used',
    used: 'All passes used up',
    expired: 'Its validity has ended',
    pending: 'Not valid yet',
  },
};

export const PAYMENT_STATUS: EnumSpec = {
  name: 'PaymentStatus',
  description: 'Where a billing document stands in its life cycle (§6.14).',
  values: {
    draft: 'Not issued yet',
    awaiting_payment: 'Issued and unpaid',
    partially_paid: 'Part of the amount has been paid',
    paid: 'Paid in full',
    overdue: 'Unpaid after its due date',
    pending: 'A payment is in progress',
    failed: 'The last payment attempt failed',
    refunded: 'The money was paid back',
    voided: 'Cancelled; it no longer counts',
  },
};

export const PAYMENT_DOCUMENT_TYPE: EnumSpec = {
  name: 'PaymentDocumentType',
  description: 'What kind of billing document a payment is (§6.14).',
  values: {
    invoice: 'An invoice: money owed by the member or team',
    creditNote: 'A credit note: money given back, allocated against invoices',
    overpayment: 'Money received beyond what was invoiced',
    paymentCharge: 'A document created for a standalone payment transaction',
  },
};

export const PLAN_TYPE: EnumSpec = {
  name: 'PlanType',
  description: 'What a plan sells (§6.15 `type`).',
  values: {
    office: 'A private office',
    desk: 'A dedicated desk',
    hotdesk: 'Hot-desk access',
    service: 'A service (mail handling, virtual office …)',
    custom: 'Anything else the organization sells',
  },
};

export const RESOURCE_KIND: EnumSpec = {
  name: 'ResourceKind',
  description: 'The kind of a resource (§6.17 `type`).',
  values: {
    meeting_room: 'A bookable meeting room',
    team_room: 'A private office (team room)',
    desk_tr: 'A desk inside a private office',
    desk: 'A dedicated desk',
    hotdesk: 'A hot desk',
    desk_na: 'A desk that cannot be assigned',
    custom: 'A custom resource',
  },
};

export const TEAM_STATUS: EnumSpec = {
  name: 'TeamStatus',
  description: 'Where a team (company) stands with the organization (§6.19).',
  values: {
    active: 'An active customer',
    former: 'A former customer',
    pending: 'Awaiting approval or activation',
    inactive: 'Known but without active memberships',
    not_approved: 'Rejected by an admin',
    'drop-in': 'Uses the space on drop-in terms only',
    lead: 'A sales lead',
  },
};

/** The GraphQL spelling of a wire value: `drop-in` → DROP_IN, `public-api` → PUBLIC_API, `ConnectApi` → CONNECT_API. */
export function enumValueName(wire: string): string {
  return wire
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

/** The wire value a filter value names, in the wire spelling (`drop-in`) or the GraphQL one (`DROP_IN`); undefined if none. */
export function enumWireValue(spec: EnumSpec, given: string): string | undefined {
  if (Object.hasOwn(spec.values, given)) return given;
  return Object.keys(spec.values).find((wire) => enumValueName(wire) === given);
}
