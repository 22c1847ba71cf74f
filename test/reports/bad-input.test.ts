import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createGateway } from '../../src/gateway.ts';
import { createLogger } from '../../src/logger.ts';
import { REPORT_NAMES } from '../../src/reports/registry.ts';
import { createTestStack, TEST_NOW, type TestStack } from '../helpers.ts';

// Every bad export request is answered before any upstream call: 400 BAD_USER_INPUT naming the parameter (with
// the accepted values where there is a list), 404 for an unknown report or format, 405 for another method.

const TEAM = '6665d901138c8510fe5cd097';

interface Case {
  name: string;
  path: string;
  method?: string;
  status: number;
  code: string;
  parameter?: string;
  /** A list the body must carry, and one value it must contain. */
  list?: [key: string, contains: string];
}

const CASES: Case[] = [
  {
    name: 'unknown report',
    path: '/reports/invoices.csv',
    status: 404,
    code: 'NOT_FOUND',
    list: ['reports', 'booking-occurrences'],
  },
  {
    name: 'unknown format',
    path: '/reports/bookings.xlsx',
    status: 404,
    code: 'NOT_FOUND',
    list: ['formats', 'ndjson'],
  },
  { name: 'no format', path: '/reports/bookings', status: 404, code: 'NOT_FOUND', list: ['reports', 'bookings'] },
  { name: 'another method', path: '/reports/bookings.csv', method: 'POST', status: 405, code: 'METHOD_NOT_ALLOWED' },
  {
    name: 'unknown expand',
    path: '/reports/bookings.csv?expand=visitor',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'expand',
    list: ['expandable', 'fees'],
  },
  {
    name: 'expand on a report without arrays',
    path: '/reports/charges.csv?expand=payment',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'expand',
  },
  {
    name: 'unknown column',
    path: '/reports/teams.csv?columns=_id,nmae',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'columns',
    list: ['columns', 'name'],
  },
  {
    name: 'empty column entry',
    path: '/reports/teams.csv?columns=_id,,name',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'columns',
  },
  {
    name: 'column twice',
    path: '/reports/teams.csv?columns=name,name',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'columns',
  },
  {
    name: 'unknown parameter',
    path: '/reports/teams.csv?colums=name',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'colums',
    list: ['parameters', 'columns'],
  },
  {
    name: 'parameter twice',
    path: '/reports/teams.csv?limit=1&limit=2',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'limit',
  },
  {
    name: 'empty parameter',
    path: '/reports/teams.csv?expand=',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'expand',
  },
  { name: 'limit zero', path: '/reports/teams.csv?limit=0', status: 400, code: 'BAD_USER_INPUT', parameter: 'limit' },
  {
    name: 'limit not a number',
    path: '/reports/teams.csv?limit=ten',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'limit',
  },
  {
    name: 'filter of another report',
    path: `/reports/offices.csv?team=${TEAM}`,
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'team',
  },
  {
    name: 'id filter not an id',
    path: '/reports/bookings.csv?office=london',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'office',
  },
  {
    name: 'flag filter not a flag',
    path: '/reports/bookings.csv?canceled=yes',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'canceled',
  },
  {
    name: 'mixed date modes',
    path: '/reports/bookings.csv?on=2026-01-01&daysBack=3',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'daysBack',
  },
  {
    name: 'from after to',
    path: '/reports/bookings.csv?from=2026-02-01&to=2026-01-01',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'from',
  },
  {
    name: 'not a day',
    path: '/reports/bookings.csv?on=2026-02-30',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'on',
  },
  {
    name: 'negative days back',
    path: '/reports/bookings.csv?daysBack=-1',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'daysBack',
  },
  {
    name: 'days back not a number',
    path: '/reports/bookings.csv?daysBack=week',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'daysBack',
  },
  {
    name: 'relative range reversed',
    path: '/reports/bookings.csv?fromDaysBack=5&toDaysBack=10',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'fromDaysBack',
  },
  {
    name: 'unknown period',
    path: '/reports/bookings.csv?period=LAST_DECADE',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'period',
  },
  {
    name: 'unknown week start',
    path: '/reports/bookings.csv?period=THIS_WEEK&weekStartsOn=FUNDAY',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'weekStartsOn',
  },
  {
    name: 'unknown time zone',
    path: '/reports/bookings.csv?daysBack=1&timeZone=Mars/Olympus',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'timeZone',
  },
  {
    name: 'date field the report lacks',
    path: '/reports/bookings.csv?dateField=DUE_DATE&daysBack=1',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'dateField',
  },
  {
    name: 'time zone alone is no selection',
    path: '/reports/bookings.csv?timeZone=Europe/Lisbon',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'dates',
  },
  {
    name: 'dates on a report without dates',
    path: '/reports/resource-types.csv?daysBack=1',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'daysBack',
  },
  {
    name: 'occurrences without a window',
    path: '/reports/booking-occurrences.csv',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'dates',
  },
  {
    name: 'occurrences with an open window',
    path: '/reports/booking-occurrences.csv?from=2026-01-01',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'to',
  },
  {
    name: 'occurrences over ten years',
    path: '/reports/booking-occurrences.csv?from=2010-01-01&to=2026-01-01',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'dates',
  },
  {
    name: 'credit accounts without an owner',
    path: '/reports/credit-accounts.csv?period=LAST_MONTH',
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'team',
  },
  {
    name: 'credit accounts without months',
    path: `/reports/credit-accounts.csv?team=${TEAM}`,
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'dates',
  },
  {
    name: 'credit accounts with a date field',
    path: `/reports/credit-accounts.csv?team=${TEAM}&period=LAST_MONTH&dateField=START`,
    status: 400,
    code: 'BAD_USER_INPUT',
    parameter: 'dateField',
  },
];

describe('bad export requests', () => {
  let stack: TestStack;
  beforeAll(() => {
    stack = createTestStack();
  });

  it('has a case for each kind of bad input', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name → $status', async ({ path, method, status, code, parameter, list }) => {
    stack.simulator.log.reset();
    const response = await stack.gateway.fetch(`http://gateway.test${path}`, { method: method ?? 'GET' });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: Record<string, unknown> & { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (parameter) expect(body.error.parameter).toBe(parameter);
    if (list) expect(body.error[list[0]]).toContain(list[1]);
    expect(stack.apiCalls()).toBe(0);
    expect(stack.simulator.log.count({ kind: 'token' })).toBe(0);
  });

  it('lists every report on an unknown report', async () => {
    const response = await stack.gateway.fetch('http://gateway.test/reports/nope.json');
    expect(((await response.json()) as { error: { reports: string[] } }).error.reports).toEqual([...REPORT_NAMES]);
  });

  it('stays healthy after bad requests', async () => {
    const response = await stack.gateway.fetch('http://gateway.test/reports/offices.csv?columns=name');
    expect(response.status).toBe(200);
    expect((await response.text()).split('\r\n')[0]).toBe('name');
  });

  it('serves the catalogue of reports at /reports', async () => {
    const response = await stack.gateway.fetch('http://gateway.test/reports');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      reports: { name: string; expandable: Record<string, string>; dateFields: unknown }[];
    };
    expect(body.reports.map((r) => r.name)).toEqual([...REPORT_NAMES]);
    expect(Object.keys(body.reports.find((r) => r.name === 'payments')!.expandable)).toEqual([
      'invoiceLines',
      'allocations',
      'vatAmounts',
      'charges',
    ]);
    expect(body.reports.find((r) => r.name === 'resource-types')!.dateFields).toBeNull();
  });

  it('needs an API key when keys are configured, before any upstream call', async () => {
    const key = 'reports-test-key-0123456789';
    const defaults = loadConfig({});
    const gateway = createGateway({
      officernd: stack.officernd,
      logger: createLogger({ level: 'error', write: () => undefined }),
      settings: { ...defaults, security: { ...defaults.security, apiKeys: [key] } },
      clock: () => TEST_NOW,
    });
    stack.simulator.log.reset();
    const refused = await gateway.fetch('http://gateway.test/reports/teams.csv');
    expect(refused.status).toBe(401);
    // The exports' one error shape, as for their 400 and 404.
    expect(await refused.json()).toEqual({
      error: expect.objectContaining({ code: 'UNAUTHENTICATED', message: expect.stringContaining('API key') }),
    });
    expect(stack.apiCalls()).toBe(0);
    const allowed = await gateway.fetch('http://gateway.test/reports/teams.csv?columns=name&limit=1', {
      headers: { 'x-api-key': key },
    });
    expect(allowed.status).toBe(200);
  });
});
