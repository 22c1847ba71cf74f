import { CONTRACT_STAGE, CONTRACT_STATUS, CONTRACT_TYPE } from '../officernd/enums.ts';
import { builder, type Types } from '../builder.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import type { WireContract, WireContractPlan, WireContractResource, WireStep } from '../officernd/types.ts';
import { listDates } from './dates.ts';
import { dateOnly, dateTime, loadRef, reverseLink, rootById, rootList, wireEnum, enumOf } from './fields.ts';
import { Contract, ContractConnection, Member, MembershipConnection, Office, Plan, Resource, Team } from './refs.ts';

export const ContractStage = enumOf(CONTRACT_STAGE);

export const ContractStatus = enumOf(CONTRACT_STATUS);

export const ContractSignatureStatus = wireEnum(
  'ContractSignatureStatus',
  'Where the signing of a contract stands (§6.5).',
  {
    out_for_signature: 'Sent out for signature',
    signed_by_member: 'Signed by the member, awaiting countersignature',
    e_signed: 'Signed electronically',
    manually_signed: 'Marked as signed on paper',
    declined: 'The signer declined',
    requires_attention: 'The signing flow needs an admin',
    canceled: 'The signing flow was cancelled',
  },
);

export const ContractType = enumOf(CONTRACT_TYPE);

const ContractStep = builder.objectRef<WireStep>('ContractStep').implement({
  description: 'A price step of a contract line: the price that applies between two dates.',
  fields: (t) => ({
    price: t.exposeFloat('price', { description: 'Price per period during this step.' }),
    discountId: t.id({
      description: 'The discount definition applied (outside the 20 reports).',
      resolve: (s) => s.discount ?? null,
    }),
    discountedAmount: t.exposeFloat('discountedAmount', { description: 'Price per period after the discount.' }),
    startDate: t.field({
      type: 'Date',
      description: 'First day of the step.',
      resolve: (s) => dateOnly(s.startDate, s, 'startDate'),
    }),
    endDate: t.field({
      type: 'Date',
      description: 'Last day of the step.',
      resolve: (s) => dateOnly(s.endDate, s, 'endDate'),
    }),
  }),
});

/** The terms every contract line has, plan or resource: price, deposit, rolling increase and price steps. */
function lineTermFields<L extends WireContractPlan | WireContractResource>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, L>,
  priceDescription: string,
) {
  return {
    price: t.float({ description: priceDescription, resolve: (l) => l.price ?? null }),
    deposit: t.float({ description: 'Deposit for this line.', resolve: (l) => l.deposit ?? null }),
    increasesPriceWhenRolling: t.boolean({
      description: 'Whether the price goes up once the contract rolls past its term (wire `increasePriceInRolling`).',
      resolve: (l) => l.increasePriceInRolling ?? null,
    }),
    steps: t.field({
      type: [ContractStep],
      nullable: false,
      description: 'Price steps over the term.',
      resolve: (l) => l.steps ?? [],
    }),
  };
}

const ContractPlanLine = builder.objectRef<WireContractPlan>('ContractPlanLine').implement({
  description: 'A plan sold by a contract (recurring in `plans`, one-off in `oneOffPlans`).',
  fields: (t) => ({
    plan: t.field({
      type: Plan,
      description: 'The plan sold (wire `id`).',
      resolve: (l, _a, ctx) => loadRef(ctx, 'plans', l.id),
    }),
    count: t.exposeInt('count', { description: 'How many units of the plan.' }),
    ...lineTermFields(t, 'Agreed price per unit.'),
  }),
});

const ContractResourceLine = builder.objectRef<WireContractResource>('ContractResourceLine').implement({
  description: 'A resource (office, desk) a contract assigns.',
  fields: (t) => ({
    resource: t.field({
      type: Resource,
      description: 'The resource assigned (wire `id`).',
      resolve: (l, _a, ctx) => loadRef(ctx, 'resources', l.id),
    }),
    size: t.exposeInt('size', { description: 'Capacity agreed for the resource (e.g. desks).' }),
    ...lineTermFields(t, 'Agreed price per period.'),
  }),
});

type WireSigner = NonNullable<WireContract['signedBy']>;
type WireTermination = NonNullable<WireContract['termination']>;

const ContractSigner = builder.objectRef<WireSigner>('ContractSigner').implement({
  description: 'Who signed a contract.',
  fields: (t) => ({
    userId: t.id({ description: 'OfficeRnD user id of the signer (wire `_id`).', resolve: (s) => s._id ?? null }),
    displayName: t.exposeString('displayName', { description: 'Name of the signer.' }),
  }),
});

const ContractTermination = builder.objectRef<WireTermination>('ContractTermination').implement({
  description: 'How and when a contract was terminated.',
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'Termination date.', resolve: (x) => dateOnly(x.date, x, 'date') }),
    reason: t.string({
      description: 'Reason key chosen by the admin (wire `reasonKey`).',
      resolve: (x) => x.reasonKey ?? null,
    }),
    comments: t.exposeString('comments', { description: 'Free-text comments.' }),
  }),
});

Contract.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'contracts' },
  description:
    'A membership agreement: what a member or team agreed to pay for which plans and resources. Report "Contracts".',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    number: t.exposeString('number', { description: 'Human contract number, e.g. CON-3.' }),
    member: t.field({
      type: Member,
      description: 'The member who signed.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'members', c.member),
    }),
    team: t.field({
      type: Team,
      description: 'The team the contract is with.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'teams', c.team),
    }),
    office: t.field({
      type: Office,
      description: 'The office it covers.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'offices', c.office),
    }),
    documentType: t.exposeString('documentType', { description: 'Kind of document, e.g. membershipagreement.' }),
    startDate: t.field({
      type: 'Date',
      description: 'First day of the term.',
      resolve: (c) => dateOnly(c.startDate, c, 'startDate'),
    }),
    endDate: t.field({
      type: 'Date',
      description: 'Last day of the term.',
      resolve: (c) => dateOnly(c.endDate, c, 'endDate'),
    }),
    plans: t.field({
      type: [ContractPlanLine],
      nullable: false,
      description: 'Recurring plans sold.',
      resolve: (c) => c.plans ?? [],
    }),
    oneOffPlans: t.field({
      type: [ContractPlanLine],
      nullable: false,
      description: 'One-off plans (fees) sold.',
      resolve: (c) => c.oneOffPlans ?? [],
    }),
    resources: t.field({
      type: [ContractResourceLine],
      nullable: false,
      description: 'Resources assigned.',
      resolve: (c) => c.resources ?? [],
    }),
    legalDocumentIds: t.idList({
      nullable: false,
      description: 'Legal documents attached (ids outside the 20 reports; wire `legalDocuments`).',
      resolve: (c) => c.legalDocuments ?? [],
    }),
    addendum: t.exposeString('addendum', { description: 'Addendum text (HTML).' }),
    isRolling: t.exposeBoolean('isRolling', { description: 'Whether it continues month to month after its term.' }),
    noticeMonths: t.int({
      description: 'Notice period in months (wire `notice.months`).',
      resolve: (c) => c.notice?.months ?? null,
    }),
    stage: t.field({
      type: ContractStage.ref,
      description: 'Life-cycle stage.',
      resolve: (c) => ContractStage.fromWire(c.stage) as never,
    }),
    status: t.field({
      type: ContractStatus.ref,
      description: 'Document status.',
      resolve: (c) => ContractStatus.fromWire(c.status) as never,
    }),
    signatureStatus: t.field({
      type: ContractSignatureStatus.ref,
      description: 'Signing status.',
      resolve: (c) => ContractSignatureStatus.fromWire(c.signatureStatus) as never,
    }),
    signDate: t.field({
      type: 'Date',
      description: 'The day it was signed.',
      resolve: (c) => dateOnly(c.signDate, c, 'signDate'),
    }),
    signedBy: t.field({ type: ContractSigner, description: 'Who signed it.', resolve: (c) => c.signedBy ?? null }),
    activationErrors: t.field({
      type: 'JSON',
      description: 'Problems OfficeRnD met when activating the contract, as it sends them.',
      resolve: (c) => c.activationErrors ?? null,
    }),
    termination: t.field({
      type: ContractTermination,
      description: 'Termination details, when terminated.',
      resolve: (c) => c.termination ?? null,
    }),
    total: t.exposeFloat('total', { description: 'Total contract value.' }),
    baseTotal: t.exposeFloat('baseTotal', { description: 'Total before discounts and price steps.' }),
    plansTotal: t.exposeFloat('plansTotal', { description: 'Value of the recurring plans.' }),
    oneOffsTotal: t.exposeFloat('oneOffsTotal', { description: 'Value of the one-off plans.' }),
    resourcesTotal: t.exposeFloat('resourcesTotal', { description: 'Value of the resources.' }),
    percentagePriceIncrease: t.exposeFloat('percentagePriceIncrease', {
      description: 'Yearly price increase in percent, if agreed.',
    }),
    previousDepositHeld: t.exposeFloat('previousDepositHeld', {
      description: 'Deposit carried over from the previous contract.',
    }),
    type: t.field({
      type: ContractType.ref,
      description: 'New, renewal or expansion.',
      resolve: (c) => ContractType.fromWire(c.type) as never,
    }),
    renewedContract: t.field({
      type: Contract,
      description: 'The earlier contract this one renews.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'contracts', c.renewedContract),
    }),
    renewalContract: t.field({
      type: Contract,
      description: 'The later contract that renews this one.',
      resolve: (c, _a, ctx) => loadRef(ctx, 'contracts', c.renewalContract),
    }),
    memberships: reverseLink(
      t,
      MembershipConnection,
      'memberships',
      'contract',
      'Memberships created from this contract (membership `contract`).',
    ),
    properties: t.field({
      type: 'JSON',
      description: 'Custom properties, keyed by property key.',
      resolve: (c) => c.properties ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was created.',
      resolve: (c) => dateTime(c.createdAt, c, 'createdAt'),
    }),
    createdById: t.id({
      description: 'OfficeRnD staff user who created it; not a member.',
      resolve: (c) => c.createdBy ?? null,
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (c) => dateTime(c.modifiedAt, c, 'modifiedAt'),
    }),
    modifiedById: t.id({
      description: 'OfficeRnD staff user who last changed it; not a member.',
      resolve: (c) => c.modifiedBy ?? null,
    }),
  }),
});

rootList('contracts', {
  collection: 'contracts',
  dates: listDates('Contract', 'contracts', REPORT_DATES.contracts),
  connection: ContractConnection,
  description: 'The contracts (membership agreements) of the organization. Report "Contracts".',
});
rootById('contract', Contract, 'contracts', 'One contract by id; null when there is none.');
