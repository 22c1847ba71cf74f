import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockOutside, chromiumRuns, withChromium } from '../chromium.ts';
import { closeServer, listenGateway } from '../reports/support.ts';
import { createOpsStack } from './stack.ts';

// GraphiQL in Debian's chromium with every request that does not go to the gateway blocked: the page must load
// from the gateway alone (no CDN), without console errors, and run a query.

const runs = chromiumRuns('GraphiQL browser test');
const KEY = 'browser-test-key-0123456789';

describe.skipIf(!runs)('GraphiQL in a browser without internet access', () => {
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    const stack = createOpsStack({ env: { GATEWAY_API_KEYS: KEY }, scale: 0.1 });
    ({ url: origin, server } = await listenGateway(stack.gateway));
  });

  afterAll(() => closeServer(server));

  it('loads from the gateway alone, opens with the examples and the API key header, and runs a query', {
    timeout: 90_000,
  }, async () => {
    await withChromium({}, async (context) => {
      const blocked = await blockOutside(context, origin);
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
      const tabs = await page.locator('.graphiql-tab').allTextContents();
      // The intro tab, then one per example (examples/*.graphql).
      expect(tabs.length).toBe(1 + readdirSync('examples').filter((f) => f.endsWith('.graphql')).length);
      expect(tabs.join(' ')).toMatch(/Dashboard/);

      // Where the key goes: the first tab says it, and the headers editor holds the header to complete.
      const editors = await page.locator('.view-lines').allInnerTexts();
      const shown = editors.join('\n').replace(/\u00a0/g, ' ');
      expect(shown.includes('This gateway needs an API key'), 'the first tab explains the API key').toBe(true);
      expect(shown.includes('"Authorization": "Bearer <your API key>"'), 'the headers editor holds the header').toBe(
        true,
      );

      // Run the first tab with the placeholder: the gateway answers with its clear 401.
      const isRun = (r: { url(): string; request(): { method(): string; postData(): string | null } }) =>
        r.url().endsWith('/graphql') &&
        r.request().method() === 'POST' &&
        (r.request().postData() ?? '').includes('organization');
      const refused = page.waitForResponse(isRun);
      await page.locator('.graphiql-execute-button').click();
      expect((await refused).status()).toBe(401);

      // The user puts a real key in the header (sent as the browser would send it) and runs it again.
      const answered = page.waitForResponse((r) => isRun(r) && r.status() === 200);
      await page.route(`${origin}/graphql`, (route) => {
        const request = route.request();
        if (request.method() !== 'POST') return route.continue();
        return route.continue({ headers: { ...request.headers(), authorization: `Bearer ${KEY}` } });
      });
      await page.locator('.graphiql-execute-button').click();
      const body = (await (await answered).json()) as { data?: { organization?: string } };
      expect(body.data?.organization).toBe('demo');

      expect(errors.filter((e) => !/401|Unauthorized/i.test(e))).toEqual([]);
      expect(blocked).toEqual([]);
    });
  });
});
