import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

// The browser tests' chromium: Debian's, driven by playwright-core, headless with a fresh profile each launch.

export const CHROMIUM = '/usr/bin/chromium';

/** Flags of every launch: headless, no sandbox (containers), and nothing chromium would fetch on its own. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether a browser suite runs: chromium is installed, or the run is under CI (where its absence fails the suite).
 * Otherwise it is skipped with a warning naming `suite`.
 */
export function chromiumRuns(suite: string): boolean {
  if (existsSync(CHROMIUM) || process.env.CI) return true;
  console.warn(`${suite} skipped: ${CHROMIUM} is absent (apt-get install -y chromium; under CI it fails)`);
  return false;
}

export interface ChromiumOptions {
  /** Flags after the common ones. */
  args?: readonly string[];
  viewport?: { width: number; height: number };
}

/** Launches chromium, runs `use` with its context, then closes it and removes its profile. */
export async function withChromium<T>(
  options: ChromiumOptions,
  use: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...FLAGS, ...(options.args ?? [])],
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    try {
      return await use(context);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Aborts every request of the context that does not go to `origin` (blob: and data: URLs aside); the URLs it aborted
 * are pushed to the list it resolves with, for the test to expect none.
 */
export async function blockOutside(context: BrowserContext, origin: string): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return blocked;
}
