/**
 * `npm test` after Biome's check: the typecheck (`npm run typecheck`) runs alongside vitest instead of before it,
 * since the suite leaves the cores idle while its tests wait on child processes, Redis, a browser and timers. Arguments
 * go to vitest (`npm test -- test/schema`). Fails when either fails. A script, not a shell line, so that it runs
 * wherever npm does.
 */

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Runs a command with this terminal; resolves with its exit code (1 when a signal ended it). */
function run(command: string, args: string[], shell = false): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

// Vitest's own command (its package's `bin`), run by this Node.
const vitestPackage = createRequire(import.meta.url).resolve('vitest/package.json');
const vitest = join(dirname(vitestPackage), 'vitest.mjs');
const [typecheck, tests] = await Promise.all([
  // npm itself (through the shell, as npm.cmd on Windows) so that the typecheck's flags live in package.json alone.
  run('npm run -s typecheck', [], true),
  run(process.execPath, [vitest, 'run', ...process.argv.slice(2)]),
]);
if (typecheck !== 0) console.error(`npm test: the typecheck failed (exit code ${typecheck})`);
process.exit(typecheck !== 0 ? typecheck : tests);
