import type { DataIndex, LinkSpec, QuerySpec, Wire } from './plans.ts';

// The canonical queries of issue 6, each as a GraphQL document and as the join it performs over the wire data
// (so the references are computed from what the simulator serves, not written by hand).

const ref =
  (field: string) =>
  (item: Wire): unknown[] => [item[field]];

const officeLink: LinkSpec = { name: 'office', collection: 'offices', refs: ref('office') };

/** The lines of a payment, whichever v1 spelling came (as src/schema/payment.ts reads them). */
const linesOf = (payment: Wire): Wire[] => {
  const invoiceLines = payment.invoiceLines;
  if (Array.isArray(invoiceLines) && invoiceLines.length > 0) return invoiceLines as Wire[];
  return (Array.isArray(payment.lines) ? payment.lines : []) as Wire[];
};
const lineRefs =
  (field: string) =>
  (payment: Wire): unknown[] =>
    linesOf(payment).map((line) => line[field]);

export const DASHBOARD: QuerySpec = {
  name: 'dashboard',
  title: 'dashboard: 200 bookings + member{team{office}} resource{floor office} rate',
  document: /* GraphQL */ `
    query Dashboard {
      bookings(first: 200) {
        nodes {
          id title start end
          member { id name team { id name office { id name } } }
          resource { id name floor { id name } office { id name } }
          rate { id name }
        }
      }
    }
  `,
  root: { collection: 'bookings', first: 200 },
  links: [
    {
      name: 'member',
      collection: 'members',
      refs: ref('member'),
      links: [{ name: 'team', collection: 'teams', refs: ref('team'), links: [officeLink] }],
    },
    {
      name: 'resource',
      collection: 'resources',
      refs: ref('resourceId'),
      links: [{ name: 'floor', collection: 'floors', refs: ref('room') }, officeLink],
    },
    { name: 'rate', collection: 'rates', refs: ref('plan') },
  ],
};

export const MEMBERSHIPS: QuerySpec = {
  name: 'memberships',
  title: 'members: 100 members + memberships{plan}',
  document: /* GraphQL */ `
    query MembersWithPlans {
      members(first: 100) {
        nodes {
          id name
          memberships(first: 100) { nodes { id name startDate plan { id name price } } }
        }
      }
    }
  `,
  root: { collection: 'members', first: 100 },
  links: [
    {
      name: 'memberships',
      collection: 'memberships',
      via: 'member',
      links: [{ name: 'plan', collection: 'plans', refs: ref('plan') }],
    },
  ],
};

/** An office's invoices with their lines (within the default MAX_COST; lines reach fees from the first months). */
export function paymentsOf(office: string): QuerySpec {
  return {
    name: 'payments',
    title: "payments: an office's first 200 payments + lines{plan rate membership fee}",
    document: /* GraphQL */ `
      query PaymentsWithLines {
        payments(first: 200, office: "${office}") {
          nodes {
            id number amount
            lines { description total plan { id name } rate { id name } membership { id name } fee { id name price } }
          }
        }
      }
    `,
    root: { collection: 'payments', first: 200, params: { office } },
    links: [
      // `plan` on a line names a price plan or a rate: both catalogues are read (src/schema/payment.ts).
      { name: 'lines.plan', collection: 'plans', refs: lineRefs('plan') },
      { name: 'lines.rate', collection: 'rates', refs: lineRefs('plan') },
      { name: 'lines.membership', collection: 'memberships', refs: lineRefs('membership') },
      { name: 'lines.fee', collection: 'fees', refs: lineRefs('fee') },
    ],
  };
}

export const TWO_PATHS: QuerySpec = {
  name: 'two-paths',
  title: 'two paths: 100 bookings, team and office reached directly and via member/resource',
  document: /* GraphQL */ `
    query SameObjectTwoPaths {
      bookings(first: 100) {
        nodes {
          id
          team { id name office { id name } }
          office { id name }
          member { id team { id name } office { id name } }
          resource { id office { id name } }
        }
      }
    }
  `,
  root: { collection: 'bookings', first: 100 },
  links: [
    { name: 'team', collection: 'teams', refs: ref('team'), links: [officeLink] },
    officeLink,
    {
      name: 'member',
      collection: 'members',
      refs: ref('member'),
      links: [{ name: 'team', collection: 'teams', refs: ref('team') }, officeLink],
    },
    { name: 'resource', collection: 'resources', refs: ref('resourceId'), links: [officeLink] },
  ],
};

/** The canonical queries over one dataset (the payments query is about its first office). */
export function canonicalQueries(data: DataIndex): QuerySpec[] {
  const office = data.items('offices')[0]?._id ?? '';
  return [DASHBOARD, MEMBERSHIPS, paymentsOf(office), TWO_PATHS];
}
