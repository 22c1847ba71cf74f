/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query BookingsPerOfficeDay($timeZone: String = \"Europe/London\") {\n  bookings(dates: {period: LAST_MONTH, timeZone: $timeZone}, first: 0) {\n    aggregate {\n      count\n      sum {\n        duration\n      }\n      groupBy(by: [OFFICE, DAY]) {\n        keys {\n          office {\n            id\n            name\n          }\n          day\n        }\n        count\n        sum {\n          duration\n        }\n      }\n    }\n  }\n}": typeof types.BookingsPerOfficeDayDocument,
    "query MembershipsByPlan {\n  memberships(first: 0) {\n    totalCount\n    aggregate {\n      groupBy(by: [PLAN], orderBy: {count: DESC}) {\n        keys {\n          plan {\n            name\n          }\n        }\n        count\n        sum {\n          price\n        }\n        avg {\n          price\n        }\n      }\n    }\n  }\n}": typeof types.MembershipsByPlanDocument,
    "query RevenueByMonth {\n  payments(dates: {period: YEAR_TO_DATE}, first: 0) {\n    aggregate {\n      count\n      sum {\n        totalAmount\n        paidAmount\n      }\n      byMonth: groupBy(by: [MONTH, STATUS]) {\n        keys {\n          month\n          status\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n      topTeams: groupBy(by: [TEAM], first: 10, orderBy: {count: DESC}) {\n        keys {\n          team {\n            name\n          }\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n    }\n  }\n}": typeof types.RevenueByMonthDocument,
    "query Dashboard($first: Int = 200) {\n  bookings(first: $first) {\n    nodes {\n      id\n      title\n      start\n      end\n      isCancelled\n      member {\n        name\n        team {\n          name\n          office {\n            name\n          }\n        }\n      }\n      resource {\n        name\n        floor {\n          name\n        }\n        office {\n          name\n          timeZone\n        }\n      }\n      rate {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.DashboardDocument,
    "query Invoices($first: Int = 50, $after: String) {\n  payments(first: $first, after: $after) {\n    nodes {\n      number\n      documentType\n      status\n      issueDate: date\n      team {\n        name\n      }\n      lines {\n        description\n        total\n        fee {\n          name\n        }\n        plan {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.InvoicesDocument,
    "query TeamOverview($id: ID!) {\n  team(id: $id) {\n    name\n    office {\n      name\n    }\n    members(first: 20) {\n      nodes {\n        name\n        email\n        memberships(first: 10) {\n          nodes {\n            name\n            startDate\n            endDate\n            plan {\n              name\n              price\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.TeamOverviewDocument,
    "query DashboardBookingsPerDay($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n    }\n  }\n}": typeof types.DashboardBookingsPerDayDocument,
    "subscription DashboardChanges($collections: [OfficeRnDCollection!]) {\n  officerndChanged(collections: $collections) {\n    collection\n    id\n    eventType\n    action\n    time\n  }\n}": typeof types.DashboardChangesDocument,
    "query DashboardMemberships($office: ID) {\n  memberships(office: $office, calculatedStatus: ACTIVE, first: 1000) {\n    totalCount\n    nodes {\n      plan {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.DashboardMembershipsDocument,
    "query DashboardOccupancy($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n      end\n      office {\n        id\n        name\n      }\n      resource {\n        resourceType {\n          id\n          title\n        }\n      }\n    }\n  }\n  checkins(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      office {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.DashboardOccupancyDocument,
    "query DashboardOffices {\n  offices(first: 100) {\n    nodes {\n      id\n      name\n    }\n  }\n}": typeof types.DashboardOfficesDocument,
    "query DashboardOpenIssues($office: ID) {\n  issues(office: $office, statusIn: [NEW, OPEN, PENDING], first: 10) {\n    totalCount\n    nodes {\n      id\n      subject\n      status\n      createdAt\n      office {\n        name\n      }\n    }\n  }\n}": typeof types.DashboardOpenIssuesDocument,
    "query DashboardRevenue($dates: DateSelection!, $office: ID) {\n  payments(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      date\n      totalAmount\n    }\n  }\n  fees(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      issueDate\n      price\n      quantity\n    }\n  }\n}": typeof types.DashboardRevenueDocument,
    "query DashboardTopTeams($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      team {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.DashboardTopTeamsDocument,
    "query DashboardUpcoming($dates: DateSelection!, $office: ID) {\n  bookingOccurrences(dates: $dates, office: $office, first: 10) {\n    nodes {\n      id\n      start\n      end\n      title\n      resource {\n        name\n      }\n      office {\n        name\n      }\n      member {\n        name\n      }\n    }\n  }\n}": typeof types.DashboardUpcomingDocument,
};
const documents: Documents = {
    "query BookingsPerOfficeDay($timeZone: String = \"Europe/London\") {\n  bookings(dates: {period: LAST_MONTH, timeZone: $timeZone}, first: 0) {\n    aggregate {\n      count\n      sum {\n        duration\n      }\n      groupBy(by: [OFFICE, DAY]) {\n        keys {\n          office {\n            id\n            name\n          }\n          day\n        }\n        count\n        sum {\n          duration\n        }\n      }\n    }\n  }\n}": types.BookingsPerOfficeDayDocument,
    "query MembershipsByPlan {\n  memberships(first: 0) {\n    totalCount\n    aggregate {\n      groupBy(by: [PLAN], orderBy: {count: DESC}) {\n        keys {\n          plan {\n            name\n          }\n        }\n        count\n        sum {\n          price\n        }\n        avg {\n          price\n        }\n      }\n    }\n  }\n}": types.MembershipsByPlanDocument,
    "query RevenueByMonth {\n  payments(dates: {period: YEAR_TO_DATE}, first: 0) {\n    aggregate {\n      count\n      sum {\n        totalAmount\n        paidAmount\n      }\n      byMonth: groupBy(by: [MONTH, STATUS]) {\n        keys {\n          month\n          status\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n      topTeams: groupBy(by: [TEAM], first: 10, orderBy: {count: DESC}) {\n        keys {\n          team {\n            name\n          }\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n    }\n  }\n}": types.RevenueByMonthDocument,
    "query Dashboard($first: Int = 200) {\n  bookings(first: $first) {\n    nodes {\n      id\n      title\n      start\n      end\n      isCancelled\n      member {\n        name\n        team {\n          name\n          office {\n            name\n          }\n        }\n      }\n      resource {\n        name\n        floor {\n          name\n        }\n        office {\n          name\n          timeZone\n        }\n      }\n      rate {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.DashboardDocument,
    "query Invoices($first: Int = 50, $after: String) {\n  payments(first: $first, after: $after) {\n    nodes {\n      number\n      documentType\n      status\n      issueDate: date\n      team {\n        name\n      }\n      lines {\n        description\n        total\n        fee {\n          name\n        }\n        plan {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.InvoicesDocument,
    "query TeamOverview($id: ID!) {\n  team(id: $id) {\n    name\n    office {\n      name\n    }\n    members(first: 20) {\n      nodes {\n        name\n        email\n        memberships(first: 10) {\n          nodes {\n            name\n            startDate\n            endDate\n            plan {\n              name\n              price\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.TeamOverviewDocument,
    "query DashboardBookingsPerDay($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n    }\n  }\n}": types.DashboardBookingsPerDayDocument,
    "subscription DashboardChanges($collections: [OfficeRnDCollection!]) {\n  officerndChanged(collections: $collections) {\n    collection\n    id\n    eventType\n    action\n    time\n  }\n}": types.DashboardChangesDocument,
    "query DashboardMemberships($office: ID) {\n  memberships(office: $office, calculatedStatus: ACTIVE, first: 1000) {\n    totalCount\n    nodes {\n      plan {\n        id\n        name\n      }\n    }\n  }\n}": types.DashboardMembershipsDocument,
    "query DashboardOccupancy($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n      end\n      office {\n        id\n        name\n      }\n      resource {\n        resourceType {\n          id\n          title\n        }\n      }\n    }\n  }\n  checkins(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      office {\n        id\n        name\n      }\n    }\n  }\n}": types.DashboardOccupancyDocument,
    "query DashboardOffices {\n  offices(first: 100) {\n    nodes {\n      id\n      name\n    }\n  }\n}": types.DashboardOfficesDocument,
    "query DashboardOpenIssues($office: ID) {\n  issues(office: $office, statusIn: [NEW, OPEN, PENDING], first: 10) {\n    totalCount\n    nodes {\n      id\n      subject\n      status\n      createdAt\n      office {\n        name\n      }\n    }\n  }\n}": types.DashboardOpenIssuesDocument,
    "query DashboardRevenue($dates: DateSelection!, $office: ID) {\n  payments(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      date\n      totalAmount\n    }\n  }\n  fees(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      issueDate\n      price\n      quantity\n    }\n  }\n}": types.DashboardRevenueDocument,
    "query DashboardTopTeams($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      team {\n        id\n        name\n      }\n    }\n  }\n}": types.DashboardTopTeamsDocument,
    "query DashboardUpcoming($dates: DateSelection!, $office: ID) {\n  bookingOccurrences(dates: $dates, office: $office, first: 10) {\n    nodes {\n      id\n      start\n      end\n      title\n      resource {\n        name\n      }\n      office {\n        name\n      }\n      member {\n        name\n      }\n    }\n  }\n}": types.DashboardUpcomingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BookingsPerOfficeDay($timeZone: String = \"Europe/London\") {\n  bookings(dates: {period: LAST_MONTH, timeZone: $timeZone}, first: 0) {\n    aggregate {\n      count\n      sum {\n        duration\n      }\n      groupBy(by: [OFFICE, DAY]) {\n        keys {\n          office {\n            id\n            name\n          }\n          day\n        }\n        count\n        sum {\n          duration\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query BookingsPerOfficeDay($timeZone: String = \"Europe/London\") {\n  bookings(dates: {period: LAST_MONTH, timeZone: $timeZone}, first: 0) {\n    aggregate {\n      count\n      sum {\n        duration\n      }\n      groupBy(by: [OFFICE, DAY]) {\n        keys {\n          office {\n            id\n            name\n          }\n          day\n        }\n        count\n        sum {\n          duration\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembershipsByPlan {\n  memberships(first: 0) {\n    totalCount\n    aggregate {\n      groupBy(by: [PLAN], orderBy: {count: DESC}) {\n        keys {\n          plan {\n            name\n          }\n        }\n        count\n        sum {\n          price\n        }\n        avg {\n          price\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MembershipsByPlan {\n  memberships(first: 0) {\n    totalCount\n    aggregate {\n      groupBy(by: [PLAN], orderBy: {count: DESC}) {\n        keys {\n          plan {\n            name\n          }\n        }\n        count\n        sum {\n          price\n        }\n        avg {\n          price\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RevenueByMonth {\n  payments(dates: {period: YEAR_TO_DATE}, first: 0) {\n    aggregate {\n      count\n      sum {\n        totalAmount\n        paidAmount\n      }\n      byMonth: groupBy(by: [MONTH, STATUS]) {\n        keys {\n          month\n          status\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n      topTeams: groupBy(by: [TEAM], first: 10, orderBy: {count: DESC}) {\n        keys {\n          team {\n            name\n          }\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query RevenueByMonth {\n  payments(dates: {period: YEAR_TO_DATE}, first: 0) {\n    aggregate {\n      count\n      sum {\n        totalAmount\n        paidAmount\n      }\n      byMonth: groupBy(by: [MONTH, STATUS]) {\n        keys {\n          month\n          status\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n      topTeams: groupBy(by: [TEAM], first: 10, orderBy: {count: DESC}) {\n        keys {\n          team {\n            name\n          }\n        }\n        count\n        sum {\n          totalAmount\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($first: Int = 200) {\n  bookings(first: $first) {\n    nodes {\n      id\n      title\n      start\n      end\n      isCancelled\n      member {\n        name\n        team {\n          name\n          office {\n            name\n          }\n        }\n      }\n      resource {\n        name\n        floor {\n          name\n        }\n        office {\n          name\n          timeZone\n        }\n      }\n      rate {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Dashboard($first: Int = 200) {\n  bookings(first: $first) {\n    nodes {\n      id\n      title\n      start\n      end\n      isCancelled\n      member {\n        name\n        team {\n          name\n          office {\n            name\n          }\n        }\n      }\n      resource {\n        name\n        floor {\n          name\n        }\n        office {\n          name\n          timeZone\n        }\n      }\n      rate {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Invoices($first: Int = 50, $after: String) {\n  payments(first: $first, after: $after) {\n    nodes {\n      number\n      documentType\n      status\n      issueDate: date\n      team {\n        name\n      }\n      lines {\n        description\n        total\n        fee {\n          name\n        }\n        plan {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Invoices($first: Int = 50, $after: String) {\n  payments(first: $first, after: $after) {\n    nodes {\n      number\n      documentType\n      status\n      issueDate: date\n      team {\n        name\n      }\n      lines {\n        description\n        total\n        fee {\n          name\n        }\n        plan {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamOverview($id: ID!) {\n  team(id: $id) {\n    name\n    office {\n      name\n    }\n    members(first: 20) {\n      nodes {\n        name\n        email\n        memberships(first: 10) {\n          nodes {\n            name\n            startDate\n            endDate\n            plan {\n              name\n              price\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query TeamOverview($id: ID!) {\n  team(id: $id) {\n    name\n    office {\n      name\n    }\n    members(first: 20) {\n      nodes {\n        name\n        email\n        memberships(first: 10) {\n          nodes {\n            name\n            startDate\n            endDate\n            plan {\n              name\n              price\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardBookingsPerDay($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n    }\n  }\n}"): (typeof documents)["query DashboardBookingsPerDay($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription DashboardChanges($collections: [OfficeRnDCollection!]) {\n  officerndChanged(collections: $collections) {\n    collection\n    id\n    eventType\n    action\n    time\n  }\n}"): (typeof documents)["subscription DashboardChanges($collections: [OfficeRnDCollection!]) {\n  officerndChanged(collections: $collections) {\n    collection\n    id\n    eventType\n    action\n    time\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardMemberships($office: ID) {\n  memberships(office: $office, calculatedStatus: ACTIVE, first: 1000) {\n    totalCount\n    nodes {\n      plan {\n        id\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardMemberships($office: ID) {\n  memberships(office: $office, calculatedStatus: ACTIVE, first: 1000) {\n    totalCount\n    nodes {\n      plan {\n        id\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardOccupancy($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n      end\n      office {\n        id\n        name\n      }\n      resource {\n        resourceType {\n          id\n          title\n        }\n      }\n    }\n  }\n  checkins(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      office {\n        id\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardOccupancy($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      start\n      end\n      office {\n        id\n        name\n      }\n      resource {\n        resourceType {\n          id\n          title\n        }\n      }\n    }\n  }\n  checkins(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      office {\n        id\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardOffices {\n  offices(first: 100) {\n    nodes {\n      id\n      name\n    }\n  }\n}"): (typeof documents)["query DashboardOffices {\n  offices(first: 100) {\n    nodes {\n      id\n      name\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardOpenIssues($office: ID) {\n  issues(office: $office, statusIn: [NEW, OPEN, PENDING], first: 10) {\n    totalCount\n    nodes {\n      id\n      subject\n      status\n      createdAt\n      office {\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardOpenIssues($office: ID) {\n  issues(office: $office, statusIn: [NEW, OPEN, PENDING], first: 10) {\n    totalCount\n    nodes {\n      id\n      subject\n      status\n      createdAt\n      office {\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardRevenue($dates: DateSelection!, $office: ID) {\n  payments(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      date\n      totalAmount\n    }\n  }\n  fees(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      issueDate\n      price\n      quantity\n    }\n  }\n}"): (typeof documents)["query DashboardRevenue($dates: DateSelection!, $office: ID) {\n  payments(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      date\n      totalAmount\n    }\n  }\n  fees(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      issueDate\n      price\n      quantity\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardTopTeams($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      team {\n        id\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardTopTeams($dates: DateSelection!, $office: ID) {\n  bookings(dates: $dates, office: $office, first: 1000) {\n    totalCount\n    nodes {\n      team {\n        id\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardUpcoming($dates: DateSelection!, $office: ID) {\n  bookingOccurrences(dates: $dates, office: $office, first: 10) {\n    nodes {\n      id\n      start\n      end\n      title\n      resource {\n        name\n      }\n      office {\n        name\n      }\n      member {\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardUpcoming($dates: DateSelection!, $office: ID) {\n  bookingOccurrences(dates: $dates, office: $office, first: 10) {\n    nodes {\n      id\n      start\n      end\n      title\n      resource {\n        name\n      }\n      office {\n        name\n      }\n      member {\n        name\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;