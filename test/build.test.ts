import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../src/simulator/generate.ts';
import { TEST_NOW } from './helpers.ts';

// The production build (`npm run build` → `npm run start:prod`): tsc emits plain JavaScript that node runs without tsx.
// Built into a temporary directory so the test never touches dist/; that directory gets what dist/ has from the
// project root: `"type": "module"` (the .js files are ES modules) and node_modules (bare imports resolve).

const root = resolve(import.meta.dirname, '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let out = '';
let server: ChildProcess | null = null;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'officernd-graphql-build-'));
  await promisify(execFile)(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], {
    cwd: root,
  });
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  // A whole-project tsc: well under a minute alone, longer on a loaded 2-core machine.
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  if (out) await rm(out, { recursive: true, force: true });
});

async function emittedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes('node_modules'))
    .map((e) => join(e.parentPath, e.name));
}

describe('npm run build', () => {
  it('emits src/ only, as JavaScript whose relative imports end in .js, with source maps and no declarations', async () => {
    const files = (await emittedFiles(out)).map((f) => f.slice(out.length + 1)).sort();
    expect(files).toContain('server.js');
    expect(files).toContain('simulator/cli.js');
    expect(files.filter((f) => f.endsWith('.d.ts'))).toEqual([]);
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('bench/') || f.startsWith('src/'))).toBe(false);
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(files.filter((f) => f.endsWith('.js.map'))).toHaveLength(scripts.length);

    const specifiers: string[] = [];
    for (const file of scripts) {
      const text = await readFile(join(out, file), 'utf8');
      expect(text, file).not.toMatch(/(?:from|import)\s*\(?\s*["'][^"']*\.ts["']/);
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g))
        specifiers.push(match[1]!);
    }
    expect(specifiers.length).toBeGreaterThan(scripts.length);
    expect(specifiers.filter((s) => !s.endsWith('.js'))).toEqual([]);

    const map = JSON.parse(await readFile(join(out, 'server.js.map'), 'utf8')) as { sources: string[] };
    expect(resolve(out, map.sources[0]!)).toBe(join(root, 'src', 'server.ts'));
  });

  it('node runs the emitted server: demo mode with no credentials answers a query with simulator data', async () => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(out, 'server.js')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', SIMULATOR_SCALE: '0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((done, fail) => {
      child.once('exit', (code) => fail(new Error(`server exited (code ${code}):\n${output}`)));
      child.stdout!.on('data', () => {
        const match = /GraphiQL at (http:\/\/[^\s]+\/graphql)/.exec(output);
        if (match) done(match[1]!);
      });
    });
    expect(output).toMatch(/built-in OfficeRnD simulator/);

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ offices(first: 2) { nodes { id name } } }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: { offices: { nodes: { id: string; name: string }[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    // Names depend on the seed only (ids embed the simulator's clock): the default seed 42 at the scale passed above.
    const expected = generateDataset({ seed: 42, scale: 0.1, now: TEST_NOW, org: 'demo' }).collections.offices.slice(
      0,
      2,
    );
    expect(body.data?.offices.nodes.map((o) => o.name)).toEqual(expected.map((o) => o.name));
    for (const office of body.data?.offices.nodes ?? []) expect(office.id).toMatch(/^[0-9a-f]{24}$/);
  });
});
