/**
 * GraphiQL that works without internet access: its scripts, styles and workers come inlined from
 * `@graphql-yoga/render-graphiql` (installed with the project) instead of a CDN. The page opens with the example
 * operations of `examples/` as tabs, and says where the API key goes. The package (9 MB of JavaScript) is imported
 * on the first page request and each page is rendered once.
 */

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphiQLOptions } from 'graphql-yoga';
import { EXAMPLES_DIR } from '../persisted/trusted.ts';

export const GRAPHIQL_TITLE = 'OfficeRnD GraphQL';
export const API_KEY_PLACEHOLDER = '<your API key>';

/** The example operations, one GraphiQL tab each, in file-name order; none when the folder is not shipped. */
async function exampleTabs(): Promise<{ name: string; query: string }[]> {
  const dir = EXAMPLES_DIR;
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  } catch {
    return [];
  }
  return Promise.all(files.map(async (file) => ({ name: file, query: await readFile(join(dir, file), 'utf8') })));
}

/** What the page opens with: a first tab that explains, then the examples; with API keys, the header to fill in. */
export async function graphiqlOptions(options: { apiKeys: boolean }): Promise<GraphiQLOptions> {
  const examples = await exampleTabs();
  const headers = options.apiKeys ? JSON.stringify({ Authorization: `Bearer ${API_KEY_PLACEHOLDER}` }, null, 2) : '{}';
  const keyNote = options.apiKeys
    ? [
        '# This gateway needs an API key: open "Headers" below and replace',
        `# ${API_KEY_PLACEHOLDER} in {"Authorization": "Bearer ${API_KEY_PLACEHOLDER}"} with your key`,
        '# (or send it as {"x-api-key": "..."}). Headers are kept in this browser only.',
      ]
    : ['# This gateway is open (no GATEWAY_API_KEYS): no API key is needed.'];
  const welcome = [
    '# OfficeRnD GraphQL: every OfficeRnD report as one typed graph.',
    ...keyNote,
    '# The other tabs hold the examples of the README (examples/*.graphql): press the run button.',
    '',
    '{ organization offices(first: 5) { nodes { name timeZone } } }',
    '',
  ].join('\n');
  return {
    title: GRAPHIQL_TITLE,
    headers,
    defaultEditorToolsVisibility: options.apiKeys ? 'headers' : true,
    defaultTabs: [
      { query: welcome, headers },
      ...examples.map((example) => ({ query: `# ${example.name}\n${example.query}`, headers })),
    ],
  };
}

/** Renders the page from the installed package, once per distinct set of options. */
export function createGraphiQLRenderer(): (options: GraphiQLOptions) => Promise<string> {
  const pages = new Map<string, Promise<string>>();
  return (options) => {
    const key = JSON.stringify(options);
    let page = pages.get(key);
    if (!page) {
      page = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options));
      pages.set(key, page);
    }
    return page;
  };
}
