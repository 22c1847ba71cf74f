// Fetch wrappers that add failures the simulator's fault options do not cover: one collection down, hanging
// answers, failures from the n-th request on. They wrap the simulator's own fetch; nothing of ours is replaced.

export type FetchFn = typeof fetch;

/** The URL of a fetch call, whatever form its input takes. */
export function urlOf(input: Parameters<FetchFn>[0]): URL {
  return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
}

/** A JSON error answer shaped like the upstream's (§9: `message`). */
export function upstreamError(status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ message: `Simulated ${status}` }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Never answers; rejects with the abort reason once the caller gives up. */
export function hang(init?: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = init?.signal;
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Answers requests matching `match` with `fail()`, everything else with the inner fetch. */
export function failWhen(
  inner: FetchFn,
  match: (url: URL, init?: RequestInit) => boolean,
  fail: (init?: RequestInit) => Promise<Response> | Response,
): FetchFn {
  return (input, init) => (match(urlOf(input), init) ? Promise.resolve(fail(init)) : inner(input, init));
}
