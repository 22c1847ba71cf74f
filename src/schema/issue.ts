import { ISSUE_STATUS } from '../officernd/enums.ts';
import { REPORT_DATES } from '../dates/report-dates.ts';
import { listDates } from './dates.ts';
import { dateTime, loadRef, rootById, rootList, enumOf } from './fields.ts';
import { Issue, IssueConnection, Member, Office, Team } from './refs.ts';

export const IssueStatus = enumOf(ISSUE_STATUS);

Issue.implement({
  // The collection behind the type (null: reached through its own list only), read by the cost rule (security/cost.ts).
  extensions: { collection: 'issues' },
  description: 'A help-desk issue (ticket) raised by a member. Report "Issues" (v2 "tickets").',
  fields: (t) => ({
    id: t.exposeID('_id', { nullable: false, description: 'The OfficeRnD id.' }),
    subject: t.exposeString('subject', { description: 'Short summary of the issue.' }),
    message: t.exposeString('message', { description: 'The text of the report.' }),
    status: t.field({
      type: IssueStatus.ref,
      description: 'Where it stands.',
      resolve: (i) => IssueStatus.fromWire(i.status) as never,
    }),
    member: t.field({
      type: Member,
      description: 'The member who raised it.',
      resolve: (i, _a, ctx) => loadRef(ctx, 'members', i.member),
    }),
    team: t.field({
      type: Team,
      description: 'The team of the member who raised it.',
      resolve: (i, _a, ctx) => loadRef(ctx, 'teams', i.team),
    }),
    office: t.field({
      type: Office,
      description: 'The office it concerns.',
      resolve: (i, _a, ctx) => loadRef(ctx, 'offices', i.office),
    }),
    assignedToId: t.id({
      description: 'OfficeRnD staff user handling it (wire `assignedTo`); not a member.',
      resolve: (i) => i.assignedTo ?? null,
    }),
    typeId: t.id({
      description: 'Issue type: id of a ticket option (outside the 20 reports; wire `type`).',
      resolve: (i) => i.type ?? null,
    }),
    severityId: t.id({
      description: 'Severity: id of a ticket option (wire `severity`).',
      resolve: (i) => i.severity ?? null,
    }),
    priorityId: t.id({
      description: 'Priority: id of a ticket option (wire `priority`).',
      resolve: (i) => i.priority ?? null,
    }),
    attachments: t.stringList({
      nullable: false,
      description: 'URLs of attached files.',
      resolve: (i) => i.attachments ?? [],
    }),
    resolvedAt: t.field({
      type: 'DateTime',
      description: 'When it was resolved (wire `resolvedDate`).',
      resolve: (i) => dateTime(i.resolvedDate, i, 'resolvedDate'),
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was raised.',
      resolve: (i) => dateTime(i.createdAt, i, 'createdAt'),
    }),
    createdById: t.id({
      description: 'OfficeRnD user who created the record; not a member.',
      resolve: (i) => i.createdBy ?? null,
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When it last changed.',
      resolve: (i) => dateTime(i.modifiedAt, i, 'modifiedAt'),
    }),
  }),
});

rootList('issues', {
  collection: 'issues',
  dates: listDates('Issue', 'issues', REPORT_DATES.issues),
  connection: IssueConnection,
  description: 'The help-desk issues (tickets) of the organization. Report "Issues".',
});
rootById('issue', Issue, 'issues', 'One issue by id; null when there is none.');
