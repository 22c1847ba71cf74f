import { builder } from '../builder.ts';
import { connectionOf } from './connection.ts';
import type {
  WireBooking,
  WireBookingOccurrence,
  WireCharge,
  WireCheckin,
  WireContract,
  WireCreditStat,
  WireFee,
  WireFloor,
  WireIssue,
  WireMember,
  WireMembership,
  WireOffice,
  WirePass,
  WirePayment,
  WirePlan,
  WireRate,
  WireResource,
  WireResourceType,
  WireTeam,
  WireVisit,
} from '../officernd/types.ts';

// Every report type is declared here first and implemented in its own file, so the files can link to each
// other without import cycles (Pothos guide "circular references"). Each is backed by its wire shape.

export const Booking = builder.objectRef<WireBooking>('Booking');
/** An occurrence is booking-shaped upstream (§6.2); the gateway remembers which window it came from. */
export const BookingOccurrence = builder.objectRef<WireBookingOccurrence>('BookingOccurrence');
export const Charge = builder.objectRef<WireCharge>('Charge');
export const Checkin = builder.objectRef<WireCheckin>('Checkin');
export const Contract = builder.objectRef<WireContract>('Contract');
/** Credit stats of one credit account in one month (§6.6); `month` is the month asked for. */
export const CreditAccount = builder.objectRef<WireCreditStat & { month: string }>('CreditAccount');
export const Fee = builder.objectRef<WireFee>('Fee');
export const Floor = builder.objectRef<WireFloor>('Floor');
export const Issue = builder.objectRef<WireIssue>('Issue');
export const Member = builder.objectRef<WireMember>('Member');
export const Membership = builder.objectRef<WireMembership>('Membership');
export const Office = builder.objectRef<WireOffice>('Office');
export const Pass = builder.objectRef<WirePass>('Pass');
export const Payment = builder.objectRef<WirePayment>('Payment');
export const Plan = builder.objectRef<WirePlan>('Plan');
export const Rate = builder.objectRef<WireRate>('Rate');
export const Resource = builder.objectRef<WireResource>('Resource');
export const ResourceType = builder.objectRef<WireResourceType>('ResourceType');
export const Team = builder.objectRef<WireTeam>('Team');
export const Visit = builder.objectRef<WireVisit>('Visit');

// Connections of every report, declared once here for the same reason.
export const BookingConnection = connectionOf(Booking, 'Booking');
export const BookingOccurrenceConnection = connectionOf(BookingOccurrence, 'BookingOccurrence');
export const ChargeConnection = connectionOf(Charge, 'Charge');
export const CheckinConnection = connectionOf(Checkin, 'Checkin');
export const ContractConnection = connectionOf(Contract, 'Contract');
export const CreditAccountConnection = connectionOf(CreditAccount, 'CreditAccount');
export const FeeConnection = connectionOf(Fee, 'Fee');
export const FloorConnection = connectionOf(Floor, 'Floor');
export const IssueConnection = connectionOf(Issue, 'Issue');
export const MemberConnection = connectionOf(Member, 'Member');
export const MembershipConnection = connectionOf(Membership, 'Membership');
export const OfficeConnection = connectionOf(Office, 'Office');
export const PassConnection = connectionOf(Pass, 'Pass');
export const PaymentConnection = connectionOf(Payment, 'Payment');
export const PlanConnection = connectionOf(Plan, 'Plan');
export const RateConnection = connectionOf(Rate, 'Rate');
export const ResourceConnection = connectionOf(Resource, 'Resource');
export const ResourceTypeConnection = connectionOf(ResourceType, 'ResourceType');
export const TeamConnection = connectionOf(Team, 'Team');
export const VisitConnection = connectionOf(Visit, 'Visit');
