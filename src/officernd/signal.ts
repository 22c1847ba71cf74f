/**
 * The one abort/timeout pattern of the gateway: a signal linked to a source signal (the caller's) and, optionally,
 * to a timer. Used by each upstream call (timeout), the request budget (REQUEST_BUDGET_MS), the token request, the
 * retry sleep and the limiter's queue. The same as `AbortSignal.any([source, AbortSignal.timeout(ms)])`, at a
 * fraction of its cost per call (`any` tracks its sources with weak references; the timeout's timer stays armed
 * long after the call), and it lets go of the source once the work is done.
 */

import { setMaxListeners } from 'node:events';

export interface LinkOptions {
  /** Abort after this many ms (none when absent). */
  timeoutMs?: number;
  /** The reason a timeout aborts with; default a DOMException named TimeoutError, as `AbortSignal.timeout`. */
  timeoutReason?: () => unknown;
  /**
   * Whether the timer keeps the process alive: off for a timeout (like AbortSignal.timeout, it must not hold a
   * process that has nothing else to do), on for a wait whose end is the work itself (retry and rate-slot sleeps:
   * a script awaiting a paced call must not exit before it).
   */
  keepAlive?: boolean;
  /** Called once with the reason when the link aborts (source or timer), before listeners of `signal`. */
  onAbort?: (reason: unknown) => void;
}

export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** Whether the timer (rather than the source) ended it. */
  readonly timedOut: boolean;
  /** Stops the timer; the signal still follows its source. */
  stopTimer(): void;
  /** Stops the timer and stops listening to the source: the work has its answer. */
  done(): void;
}

/**
 * A signal that aborts with the source's reason when it aborts, or with a timeout reason after `timeoutMs`. A signal
 * may be the source of many links at once (a request's, an export's or the size learner's: one per upstream call in
 * flight and per call waiting for the limiter, up to UPSTREAM_MAX_CONCURRENCY and more). Node warns past 10 listeners
 * on a signal to point at leaks; a link's listener is removed by `done()`, so the warning is off for the signals
 * made here and for the sources they listen to.
 */
export function linkSignal(source: AbortSignal | undefined, options: LinkOptions = {}): LinkedSignal {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const abort = (reason: unknown): void => {
    if (controller.signal.aborted) return;
    link.done();
    options.onAbort?.(reason);
    controller.abort(reason);
  };
  const onSourceAbort = (): void => abort(source?.reason);
  const link: LinkedSignal = {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    stopTimer() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    done() {
      link.stopTimer();
      source?.removeEventListener('abort', onSourceAbort);
    },
  };
  if (source?.aborted) {
    abort(source.reason);
    return link;
  }
  if (source) setMaxListeners(0, source);
  source?.addEventListener('abort', onSourceAbort, { once: true });
  if (options.timeoutMs !== undefined) {
    timer = setTimeout(
      () => {
        timedOut = true;
        abort(options.timeoutReason ? options.timeoutReason() : timeoutError());
      },
      Math.max(0, options.timeoutMs),
    );
    // Like AbortSignal.timeout: a pending timeout does not keep the process alive (a wait does: keepAlive).
    if (!options.keepAlive) timer.unref?.();
  }
  return link;
}

/** What `AbortSignal.timeout` aborts with. */
function timeoutError(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}
