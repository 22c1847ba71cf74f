/**
 * `npm run codegen`: writes the typed documents of `codegen.ts` (GraphQL Code Generator's client preset, run
 * through `@graphql-codegen/core`). `generateDocuments()` returns the files without writing them, for the
 * staleness test.
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preset } from '@graphql-codegen/client-preset';
import { codegen } from '@graphql-codegen/core';
import { buildSchema, parse, print } from 'graphql';
import config from '../codegen.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every `.graphql` file under `folder`, in a stable order. */
function graphqlFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...graphqlFiles(path));
    else if (entry.name.endsWith('.graphql')) found.push(path);
  }
  return found.sort();
}

export interface GeneratedFile {
  /** Path relative to the repository root. */
  filename: string;
  content: string;
}

export async function generateDocuments(): Promise<GeneratedFile[]> {
  const schemaText = readFileSync(resolve(root, config.schema), 'utf8');
  const schemaAst = buildSchema(schemaText);
  const schema = parse(schemaText);
  const documents = config.documents
    .flatMap((folder) => graphqlFiles(resolve(root, folder)))
    .map((path) => {
      // The preset keys its `graphql()` overloads by the printed document, as the CLI's loader gives it.
      const document = parse(readFileSync(path, 'utf8'));
      return { location: relative(root, path), document, rawSDL: print(document) };
    });
  const sections = await preset.buildGeneratesSection({
    baseOutputDir: config.output,
    presetConfig: config.presetConfig,
    plugins: [],
    pluginMap: {},
    schema,
    schemaAst,
    documents,
    config: config.config,
  });
  return Promise.all(
    sections.map(async (section) => ({ filename: section.filename, content: await codegen(section) })),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of await generateDocuments()) {
    const path = resolve(root, file.filename);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    process.stdout.write(`wrote ${file.filename}\n`);
  }
}
