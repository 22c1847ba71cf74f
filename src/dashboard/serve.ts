/**
 * `GET /dashboard`: the live space dashboard (dashboard/), and its hashed assets at `/dashboard/assets/<hash>.js|css`.
 * The page is HTML with `Cache-Control: no-cache` (always revalidated, so a new build is seen at once); the assets
 * never change under their name and are sent `public, max-age=31536000, immutable`. The page holds no data: it is
 * served without an API key and asks for one when the gateway has keys.
 */

import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { buildDashboard, DASHBOARD_SOURCES, type DashboardBuild } from './assets.ts';

export const DASHBOARD_PATH = '/dashboard';
export const DASHBOARD_ASSETS = `${DASHBOARD_PATH}/assets`;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What the page needs to know of the gateway; written into the page as JSON. */
export interface DashboardConfig {
  graphqlEndpoint: string;
  /** The gateway has GATEWAY_API_KEYS: the page asks for one. */
  apiKeys: boolean;
  /** GraphiQL is served: the query tabs link to it. */
  graphiql: boolean;
  /** Verified webhooks reach the gateway (a webhook secret is set): the page subscribes instead of polling. */
  live: boolean;
  /** Polling interval when `live` is false, in seconds. */
  pollSeconds: number;
}

export interface DashboardOptions {
  config: DashboardConfig;
  logger: Logger;
  /** Where the sources are; default dashboard/ at the project root. */
  sources?: string;
}

// The page's own origin only: no CDN, no fonts, no third party. Chart.js draws on canvas and sets inline styles
// through the CSSOM, which `style-src 'self'` allows.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** `</script>` cannot end the JSON early, whatever the values hold. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replaceAll('<', '\\u003c');

/** The Yoga plugin; put it before the API-key check (the page and its assets hold no data). */
export function useDashboard(options: DashboardOptions): Plugin {
  let built: Promise<DashboardBuild> | undefined;
  let page: string | undefined;
  const load = (): Promise<DashboardBuild> =>
    (built ??= buildDashboard(options.sources ?? DASHBOARD_SOURCES, DASHBOARD_ASSETS).catch((error: unknown) => {
      options.logger.error('dashboard build failed', { error });
      built = undefined;
      throw error;
    }));
  const failed = (): Response =>
    new Response('The dashboard could not be built; the gateway log says why.\n', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  return {
    async onRequest({ request, url, endResponse }) {
      const path = url.pathname;
      if (path !== DASHBOARD_PATH && path !== `${DASHBOARD_PATH}/` && !path.startsWith(`${DASHBOARD_ASSETS}/`)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      let build: DashboardBuild;
      try {
        build = await load();
      } catch {
        endResponse(failed());
        return;
      }
      const head = request.method === 'HEAD';
      if (!path.startsWith(`${DASHBOARD_ASSETS}/`)) {
        page ??= build.template.replace('"%CONFIG%"', scriptJson(options.config));
        endResponse(
          new Response(head ? null : page, {
            headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...SECURITY_HEADERS },
          }),
        );
        return;
      }
      const asset = build.assets.get(path.slice(DASHBOARD_ASSETS.length + 1));
      if (!asset) {
        endResponse(
          new Response('No such dashboard asset (the page you have is older than this gateway: reload it).\n', {
            status: 404,
            headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
        return;
      }
      endResponse(
        new Response(head ? null : asset.body, {
          headers: {
            'content-type': asset.contentType,
            'content-length': String(asset.body.byteLength),
            'cache-control': IMMUTABLE,
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
