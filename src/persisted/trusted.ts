/**
 * Trusted documents: the operations a production dashboard may send, read from `examples/` and from the folder (or
 * file) named by TRUSTED_DOCUMENTS. A document is known by the SHA-256 of its text as written and of its canonical
 * print (what Apollo Client and codegen send), so whitespace and comments do not matter.
 */

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';

/** The README's example operations: `examples/` beside `src/` (and beside `dist/` in the compiled build). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The folders trusted by default: `examples/` when it was shipped (a build copied elsewhere may not have it). */
export const defaultTrustedPaths = (): string[] => (existsSync(EXAMPLES_DIR) ? [EXAMPLES_DIR] : []);

const DOCUMENT_FILE = /\.(?:graphql|gql)$/i;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The canonical text of a document; null when it does not parse. */
export function canonicalDocument(text: string): string | null {
  try {
    return print(parse(text));
  } catch {
    return null;
  }
}

export interface TrustedDocuments {
  /** Hash → the text to run (as written and canonical hashes both map to the canonical text). */
  readonly byHash: ReadonlyMap<string, string>;
  /** The files read, for the start-up log. */
  readonly files: readonly string[];
  /** Whether this query text is one of them. */
  allows(query: string): boolean;
}

function documentFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new Error(`TRUSTED_DOCUMENTS: no file or folder at ${path}`);
  }
  if (stat.isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return documentFiles(full);
      return DOCUMENT_FILE.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** Reads every `.graphql`/`.gql` file under the paths; throws naming a file that does not parse. */
export function loadTrustedDocuments(paths: readonly string[]): TrustedDocuments {
  const byHash = new Map<string, string>();
  const files: string[] = [];
  for (const path of paths) {
    for (const file of documentFiles(path)) {
      const text = readFileSync(file, 'utf8');
      const canonical = canonicalDocument(text);
      if (canonical === null) throw new Error(`TRUSTED_DOCUMENTS: ${file} is not a GraphQL document`);
      byHash.set(sha256Hex(text), canonical);
      byHash.set(sha256Hex(canonical), canonical);
      files.push(file);
    }
  }
  // The same text arrives again and again from dashboards: remember the verdict for texts seen.
  const verdicts = new Map<string, boolean>();
  return {
    byHash,
    files,
    allows(query) {
      const known = verdicts.get(query);
      if (known !== undefined) return known;
      let allowed = byHash.has(sha256Hex(query));
      if (!allowed) {
        const canonical = canonicalDocument(query);
        allowed = canonical !== null && byHash.has(sha256Hex(canonical));
      }
      if (verdicts.size >= 1_000) verdicts.clear();
      verdicts.set(query, allowed);
      return allowed;
    },
  };
}
