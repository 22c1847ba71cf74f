/**
 * The dashboard's browser code (dashboard/), bundled with esbuild in memory when it is first asked for: nothing is
 * generated into the repository, so a fresh clone serves it with `npm start` and it can never be stale. The output
 * is named by content hash, which is what lets the gateway send it with a year-long immutable Cache-Control.
 */

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The dashboard's sources: `dashboard/` at the project root (from src/dashboard and from dist/dashboard alike). */
export const DASHBOARD_SOURCES = resolve(import.meta.dirname, '../../dashboard');

export interface DashboardAsset {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

export interface DashboardBuild {
  /** index.html with the hashed asset URLs filled in; `%CONFIG%` is still to be replaced per gateway. */
  template: string;
  /** By file name (`<hash>.js`, `<hash>.css`). */
  assets: Map<string, DashboardAsset>;
}

const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Bundles `dashboard/src/main.ts` (operations imported as text, Chart.js included) into hashed files. */
export async function buildDashboard(sources: string = DASHBOARD_SOURCES, assetsUrl: string): Promise<DashboardBuild> {
  // esbuild is loaded only when the dashboard is first asked for.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(sources, 'src', 'main.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    outdir: '/out',
    entryNames: '[hash]',
    loader: { '.graphql': 'text' },
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const assets = new Map<string, DashboardAsset>();
  const urls: Record<string, string> = {};
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const extension = name.slice(name.lastIndexOf('.') + 1);
    const contentType = TYPES[extension];
    if (!contentType) continue;
    assets.set(name, { body: new Uint8Array(file.contents), contentType });
    urls[extension] = `${assetsUrl}/${name}`;
  }
  if (!urls.js || !urls.css) throw new Error('The dashboard build produced no script or no stylesheet');
  const page = await readFile(join(sources, 'index.html'), 'utf8');
  const template = page.replaceAll('%SCRIPT_URL%', urls.js).replaceAll('%STYLE_URL%', urls.css);
  return { template, assets };
}
