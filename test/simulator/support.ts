/** Shared fixtures for the simulator tests: one small generated dataset and token/request helpers. */

import { generateDataset, type Dataset } from '../../src/simulator/generate.ts';
import type { Simulator } from '../../src/simulator/index.ts';

/** Fixed data anchor: generated dates are relative to it. */
export const NOW = new Date('2026-11-16T00:00:00.000Z');
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const DEMO_FORM =
  'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=officernd.api.read';

let shared: Dataset | undefined;

/** A small deterministic dataset, generated once per test file. */
export function smallDataset(): Dataset {
  shared ??= generateDataset({ seed: 7, scale: 0.1, now: NOW, org: 'demo' });
  return shared;
}

/** A manual clock for token expiry and rate windows. */
export function manualClock(start = NOW.getTime()): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** POSTs the token form and returns the response. */
export function requestToken(
  sim: Pick<Simulator, 'fetch' | 'tokenUrl'>,
  body = DEMO_FORM,
  headers: Record<string, string> = FORM,
): Promise<Response> {
  return sim.fetch(sim.tokenUrl, { method: 'POST', headers, body });
}

/** A fresh access token for the demo client. */
export async function token(sim: Simulator): Promise<string> {
  const response = await requestToken(sim);
  if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface ApiCaller {
  (path: string, init?: RequestInit): Promise<Response>;
  /** GET and parse a JSON body. */
  json<T = unknown>(path: string): Promise<{ status: number; body: T; headers: Headers }>;
}

/** Calls `/api/v1/organizations/{org}{path}` on `sim` with a bearer token obtained once. */
export function apiCaller(sim: Simulator, getToken: () => Promise<string> = () => token(sim)): ApiCaller {
  let cached: Promise<string> | undefined;
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    cached ??= getToken();
    const headers = {
      authorization: `Bearer ${await cached}`,
      ...(init.headers as Record<string, string> | undefined),
    };
    return sim.fetch(`${sim.apiUrl}/organizations/${sim.org}${path}`, { ...init, headers });
  };
  return Object.assign(call, {
    async json<T>(path: string) {
      const response = await call(path);
      return { status: response.status, body: (await response.json()) as T, headers: response.headers };
    },
  });
}

/** Follows `rnd-cursor-next` from `path` (which must already have a query) and returns every page. */
export async function walk<T>(api: ApiCaller, path: string, maxPages = 1000): Promise<T[][]> {
  const pages: T[][] = [];
  let next: string | null = null;
  do {
    const url: string = next === null ? path : `${path}&$next=${encodeURIComponent(next)}`;
    const { status, body, headers } = await api.json<T[]>(url);
    if (status !== 200) throw new Error(`${url}: ${status} ${JSON.stringify(body)}`);
    pages.push(body);
    next = headers.get('rnd-cursor-next');
  } while (next !== null && pages.length < maxPages);
  return pages;
}

export const ids = (items: readonly { _id?: string }[]): (string | undefined)[] => items.map((i) => i._id);
