import { spawnSync } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { linkSignal } from '../../src/officernd/index.ts';

// linkSignal, the one abort/timeout pattern (call timeout, request budget, token request, retry sleep, limiter).

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('linkSignal', () => {
  it("follows its source: aborts with the source's reason and calls onAbort once", () => {
    const source = new AbortController();
    const seen: unknown[] = [];
    const link = linkSignal(source.signal, { timeoutMs: 10_000, onAbort: (reason) => seen.push(reason) });
    const reason = new Error('caller left');
    source.abort(reason);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe(reason);
    expect(link.timedOut).toBe(false);
    expect(seen).toEqual([reason]);
    expect(getEventListeners(source.signal, 'abort')).toHaveLength(0);
  });

  it('times out with a TimeoutError, or the given reason, and then lets go of its source', async () => {
    const source = new AbortController();
    const plain = linkSignal(source.signal, { timeoutMs: 5 });
    const custom = linkSignal(source.signal, { timeoutMs: 5, timeoutReason: () => new RangeError('budget') });
    await wait(30);
    expect(plain.timedOut).toBe(true);
    expect((plain.signal.reason as Error).name).toBe('TimeoutError');
    expect(custom.signal.reason).toBeInstanceOf(RangeError);
    expect(getEventListeners(source.signal, 'abort')).toHaveLength(0);
    expect(source.signal.aborted).toBe(false);
  });

  it('a link can be the source of many links at once without a listener-leak warning (a request and its calls)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      // A plain AbortController's signal (an export's, the size learner's) and a linked one (a request's).
      const learner = new AbortController();
      const request = linkSignal(new AbortController().signal, { timeoutMs: 10_000 });
      const calls = [learner.signal, request.signal].flatMap((source) =>
        Array.from({ length: 40 }, () => linkSignal(source, { timeoutMs: 10_000 })),
      );
      expect(getEventListeners(learner.signal, 'abort')).toHaveLength(40);
      expect(getEventListeners(request.signal, 'abort')).toHaveLength(40);
      await wait(10);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
      for (const call of calls) call.done();
      request.done();
      expect(getEventListeners(learner.signal, 'abort')).toHaveLength(0);
      expect(getEventListeners(request.signal, 'abort')).toHaveLength(0);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('an already aborted source aborts the link at once', () => {
    const source = new AbortController();
    source.abort('gone');
    const link = linkSignal(source.signal, { timeoutMs: 5 });
    expect(link.signal.reason).toBe('gone');
  });

  it('done() stops the timer and the listening; stopTimer() stops only the timer', async () => {
    const source = new AbortController();
    const finished = linkSignal(source.signal, { timeoutMs: 5 });
    const stopped = linkSignal(source.signal, { timeoutMs: 5 });
    finished.done();
    stopped.stopTimer();
    await wait(30);
    expect(finished.signal.aborted).toBe(false);
    expect(stopped.signal.aborted).toBe(false);
    expect(getEventListeners(source.signal, 'abort')).toHaveLength(1);
    source.abort('later');
    expect(finished.signal.aborted).toBe(false);
    expect(stopped.signal.reason).toBe('later');
  });

  it('a wait (retry backoff, rate slot) keeps a process that has nothing else to do alive; a timeout does not', () => {
    // A script awaiting a paced call must not exit before it (Node ends a process whose loop is empty: code 13 for
    // an unsettled top-level await). Run in a child process, the way a script would use the client.
    const run = (body: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], {
        cwd: new URL('../..', import.meta.url).pathname,
        encoding: 'utf8',
        timeout: 30_000,
      });
    const waited = run(
      "import { waitUntil } from './src/officernd/retry.ts'; const at = Date.now() + 300; await waitUntil(at, Date.now); console.log('waited', Date.now() >= at);",
    );
    expect(waited.stdout.trim()).toBe('waited true');
    expect(waited.status).toBe(0);
    const timeout = run(
      "import { linkSignal } from './src/officernd/signal.ts'; linkSignal(undefined, { timeoutMs: 60_000 }); console.log('done');",
    );
    expect(timeout.stdout.trim()).toBe('done');
    expect(timeout.status).toBe(0);
  }, 60_000);
});
