import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockOutside, chromiumRuns, withChromium } from '../chromium.ts';
import { TEST_NOW } from '../helpers.ts';
import { closeServer, listenGateway } from '../reports/support.ts';
import { createOpsStack, type OpsStack } from '../ops/stack.ts';

// The dashboard in Debian's chromium, every request that does not go to the gateway blocked (and none attempted):
// it loads without console errors, asks for the API key, every panel shows the simulator's data, the period and
// office change the numbers (as a GraphQL query for the same selection says), and a booking created in the
// simulator reaches the page live through its signed webhook, the gateway's event bus and the SSE subscription.

const runs = chromiumRuns('Dashboard browser test');
const KEY = 'dashboard-browser-key-0123456789';
const SECRET = 'whsec-dashboard-browser-0123456789';
const PANELS = ['occupancy', 'bookings-per-day', 'revenue', 'memberships', 'top-teams', 'upcoming', 'open-issues'];
/** Where the screenshot goes (git-ignored); README's docs/dashboard.png is a copy of one. */
const SCREENSHOT = resolve(import.meta.dirname, '../../test-results/dashboard.png');

describe.skipIf(!runs)('the dashboard in a browser without internet access', () => {
  let server: Server;
  let origin = '';
  let stack: OpsStack;

  beforeAll(async () => {
    stack = createOpsStack({
      env: { GATEWAY_API_KEYS: KEY, OFFICERND_WEBHOOK_SECRET: SECRET },
      simulator: {
        webhooks: {
          url: 'http://gateway.test/webhooks/officernd',
          secret: SECRET,
          fetch: async (input, init) => stack.gateway.fetch(new Request(String(input), init)),
        },
      },
    });
    ({ url: origin, server } = await listenGateway(stack.gateway));
  });

  afterAll(() => closeServer(server));

  /** What the gateway answers to a query for the same selection, over HTTP. */
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const bookingCount = async (dates: Record<string, unknown>, office: string | null = null): Promise<number> =>
    (
      await graphql<{ bookings: { totalCount: number } }>(
        'query ($dates: DateSelection!, $office: ID) { bookings(dates: $dates, office: $office) { totalCount } }',
        { dates, office },
      )
    ).bookings.totalCount;

  const total = (page: Page, panel: string): Promise<number> =>
    page
      .locator(`[data-panel="${panel}"] .headline`)
      .getAttribute('data-total')
      .then((value) => Number(value));
  const allReady = (page: Page): Promise<unknown> =>
    page.waitForFunction(
      (ids) =>
        ids.every((id) => document.querySelector(`[data-panel="${id}"]`)?.getAttribute('data-state') === 'ready'),
      PANELS,
      { timeout: 30_000 },
    );
  /** A panel's first table as rows of cell texts. */
  const tableRows = (page: Page, panel: string, index = 0): Promise<string[][]> =>
    page
      .locator(`[data-panel="${panel}"] .view-table table`)
      .nth(index)
      .evaluate((table) =>
        [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')),
      );
  const tableText = (page: Page, panel: string): Promise<string> =>
    page
      .locator(`[data-panel="${panel}"] .view-table`)
      .textContent()
      .then((text) => text ?? '');

  it('shows every panel from the simulator, follows the period and the office, and updates live', {
    timeout: 120_000,
  }, async () => {
    await withChromium({ viewport: { width: 1400, height: 2000 } }, async (context) => {
      const blocked = await blockOutside(context, origin);
      const page = context.pages()[0] ?? (await context.newPage());
      // The gateway's "today" is the test data's (TEST_NOW); the page's clock says the same day.
      await page.clock.setFixedTime(TEST_NOW);
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`${origin}/dashboard`, { waitUntil: 'load' });
      // The gateway has API keys: the page asks for one before it reads anything.
      await page.getByLabel('API key', { exact: true }).fill(KEY);
      await page.getByRole('button', { name: 'Use this key' }).click();
      await allReady(page);

      for (const panel of PANELS) {
        const rows = await page.locator(`[data-panel="${panel}"] .view-table tbody tr th[scope=row]`).count();
        expect(rows, `${panel} shows rows`).toBeGreaterThan(0);
      }
      // This month (the default): the panels' numbers are the gateway's for the same selection.
      const thisMonth = await bookingCount({ period: 'THIS_MONTH' });
      expect(thisMonth).toBeGreaterThan(0);
      expect(await total(page, 'occupancy')).toBe(thisMonth);
      expect(await total(page, 'bookings-per-day')).toBe(thisMonth);
      const openIssues = await graphql<{ issues: { totalCount: number } }>(
        '{ issues(statusIn: [NEW, OPEN, PENDING]) { totalCount } }',
      );
      expect(await total(page, 'open-issues')).toBe(openIssues.issues.totalCount);

      // Last month: the URL says so, and the numbers follow.
      const before = await tableText(page, 'bookings-per-day');
      await page.getByLabel('Period', { exact: true }).selectOption('LAST_MONTH');
      await page.waitForURL(/period=LAST_MONTH/);
      await allReady(page);
      expect(await total(page, 'bookings-per-day')).toBe(await bookingCount({ period: 'LAST_MONTH' }));
      expect(await tableText(page, 'bookings-per-day')).not.toBe(before);
      // Day by day, and check-ins per office and resource type, as the gateway groups them.
      const days = await graphql<{ bookings: { aggregate: { groupBy: { keys: { day: string }; count: number }[] } } }>(
        '{ bookings(dates: {period: LAST_MONTH}) { aggregate { groupBy(by: [DAY], orderBy: {key: ASC}) { keys { day } count } } } }',
      );
      expect(await tableRows(page, 'bookings-per-day')).toEqual(
        days.bookings.aggregate.groupBy.map((g) => [g.keys.day, String(g.count)]),
      );
      const checkins = await graphql<{ checkins: { totalCount: number } }>(
        '{ checkins(dates: {period: LAST_MONTH}) { totalCount } }',
      );
      const sumOf = (rows: string[][]): number => rows.reduce((sum, row) => sum + Number(row[1]), 0);
      expect(sumOf(await tableRows(page, 'occupancy'))).toBe(await bookingCount({ period: 'LAST_MONTH' }));
      expect(sumOf(await tableRows(page, 'occupancy', 1))).toBe(checkins.checkins.totalCount);

      // One office.
      const office = stack.simulator.dataset.collections.offices[1]!;
      await page.getByLabel('Office', { exact: true }).selectOption(office._id);
      await page.waitForURL(new RegExp(`office=${office._id}`));
      await allReady(page);
      const inOffice = await bookingCount({ period: 'LAST_MONTH' }, office._id);
      expect(inOffice).toBeLessThan(await bookingCount({ period: 'LAST_MONTH' }));
      expect(await total(page, 'occupancy')).toBe(inOffice);

      // A shared link opens the same view.
      await page.goto(page.url(), { waitUntil: 'load' });
      await allReady(page);
      expect(await page.getByLabel('Office', { exact: true }).inputValue()).toBe(office._id);
      expect(await total(page, 'occupancy')).toBe(inOffice);

      // Live: a booking made in OfficeRnD (the simulator) last month in that office reaches the page, no reload.
      await page.waitForSelector('#live-status[data-live="true"]');
      const template = stack.simulator.dataset.collections.bookings.find((b) => b.office === office._id)!;
      const delivery = await stack.simulator.create('bookings', {
        ...template,
        _id: 'f'.repeat(24),
        start: { dateTime: '2026-10-20T09:00:00.000Z', date: null },
        end: { dateTime: '2026-10-20T11:00:00.000Z', date: null },
        seriesStart: '2026-10-20T09:00:00.000Z',
        seriesEnd: '2026-10-20T11:00:00.000Z',
        recurrence: { rrule: null },
        createdAt: '2026-10-19T12:00:00.000Z',
        modifiedAt: '2026-10-19T12:00:00.000Z',
      });
      expect(delivery).toMatchObject({ eventType: 'booking.created', status: 200 });
      await page.waitForFunction(
        (expected) =>
          document.querySelector('[data-panel="occupancy"] .headline')?.getAttribute('data-total') === String(expected),
        inOffice + 1,
        { timeout: 15_000 },
      );
      expect(await bookingCount({ period: 'LAST_MONTH' }, office._id)).toBe(inOffice + 1);

      // The query tab: the operation and its variables, and a link that opens them in GraphiQL.
      const occupancy = page.locator('[data-panel="occupancy"]');
      await occupancy.getByRole('tab', { name: 'Query' }).click();
      expect(await occupancy.locator('.operation').textContent()).toContain('query DashboardOccupancy');
      expect(JSON.parse((await occupancy.locator('.variables').textContent()) ?? '')).toEqual({
        dates: { period: 'LAST_MONTH' },
        office: office._id,
      });
      const link = new URL(
        (await occupancy.getByRole('link', { name: 'Open in GraphiQL' }).getAttribute('href'))!,
        origin,
      );
      expect(link.pathname).toBe('/graphql');
      expect(link.searchParams.get('query')).toContain('query DashboardOccupancy');
      const [graphiql] = await Promise.all([
        context.waitForEvent('page'),
        occupancy.getByRole('link', { name: 'Open in GraphiQL' }).click(),
      ]);
      await graphiql.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
      // The editor (Monaco) draws its lines after the button appears; spaces come as no-break spaces.
      await expect
        .poll(() => graphiql.locator('.view-lines').first().textContent(), { timeout: 20_000 })
        .toMatch(/query\sDashboardOccupancy/);
      await graphiql.close();

      // Keyboard: the tabs follow the arrow keys, and the table behind the chart is there for screen readers.
      await occupancy.getByRole('tab', { name: 'Query' }).focus();
      await page.keyboard.press('ArrowLeft');
      expect(await occupancy.getByRole('tab', { name: 'Table' }).getAttribute('aria-selected')).toBe('true');
      expect(await occupancy.locator('.view-table').isVisible()).toBe(true);
      await page.keyboard.press('Home');
      expect(await occupancy.getByRole('tab', { name: 'Chart' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chart');
      expect(await occupancy.locator('.view-table').getAttribute('hidden')).toBeNull();
      expect(await occupancy.locator('.view-table').getAttribute('class')).toContain('visually-hidden');

      mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });

      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    });
  });
});

describe.skipIf(!runs)('the dashboard without live events', () => {
  let server: Server;
  let origin = '';
  /** The page's GraphQL reads as the gateway saw them: conditional or not, and its status. */
  const reads: { conditional: boolean; status: number }[] = [];

  beforeAll(async () => {
    // No webhook secret: nothing tells the gateway of changes, so the page polls; the response cache gives ETags.
    const stack = createOpsStack({ env: { RESPONSE_CACHE: 'true' }, scale: 0.1 });
    ({ url: origin, server } = await listenGateway((request, response) => {
      if (request.method === 'GET' && request.url?.startsWith('/graphql?')) {
        const conditional = request.headers['if-none-match'] !== undefined;
        response.once('finish', () => reads.push({ conditional, status: response.statusCode }));
      }
      stack.gateway(request, response);
    }));
  });

  afterAll(() => closeServer(server));

  it('polls every 30 s, revalidating with If-None-Match: an unchanged answer is a 304', {
    timeout: 90_000,
  }, async () => {
    // Playwright's routing turns the HTTP cache off, and this test is about the cache: names other than the
    // gateway's resolve nowhere instead, and every request the page makes is checked below.
    await withChromium({ args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] }, async (context) => {
      const outside: string[] = [];
      context.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
      });
      const page = context.pages()[0] ?? (await context.newPage());
      // The page's timers run on a fake clock, so the test moves 30 s on without waiting them.
      await page.clock.install({ time: TEST_NOW });
      await page.goto(`${origin}/dashboard`, { waitUntil: 'load' });
      await page.waitForFunction(
        (ids) =>
          ids.every((id) => document.querySelector(`[data-panel="${id}"]`)?.getAttribute('data-state') === 'ready'),
        PANELS,
      );
      expect(await page.locator('#live-status').textContent()).toMatch(/Polling every 30 s/);
      // The offices of the filter and one read per panel, none conditional yet.
      await expect.poll(() => reads.length).toBe(PANELS.length + 1);
      expect(reads.every((r) => r.status === 200 && !r.conditional)).toBe(true);
      const before = await page.locator('.panels').innerHTML();

      await page.clock.runFor(30_500);
      await expect.poll(() => reads.length).toBe(2 * PANELS.length + 1);
      await page.waitForFunction(() => document.querySelectorAll('.panel[data-state="loading"]').length === 0);
      expect(reads.slice(PANELS.length + 1)).toEqual(PANELS.map(() => ({ conditional: true, status: 304 })));
      // Nothing changed, so nothing was drawn again (the status line aside).
      const strip = (html: string): string => html.replace(/Updated [^<]*/g, '');
      expect(strip(await page.locator('.panels').innerHTML())).toBe(strip(before));
      expect(outside).toEqual([]);
    });
  });
});
