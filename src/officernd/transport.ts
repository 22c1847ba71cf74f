/**
 * How the client sends one API GET and reads its answer: ofetch (`ofetch.create`), the one HTTP client, over a
 * fetch. Tests inject the simulator's in-process fetch; production uses the npm `undici` package's own `fetch` with
 * its own keep-alive Agent as dispatcher (a dispatcher of the npm package handed to Node's built-in fetch may not
 * match the built-in undici's version: one package for both keeps them consistent on Node 20, 22 and 24).
 * Status handling and retries are the client's (client.ts, retry.ts): ofetch neither retries nor throws on a status.
 * Each answer is bounded by `maxResponseBytes`, compressed (on the wire) and decompressed (read) alike.
 */

import { ofetch } from 'ofetch';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Dispatcher } from 'undici';

export interface TransportResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

export interface TransportRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A form-encoded body (the token request, §1). */
  body?: string;
}

/** One request: rejects on a network failure, or with the signal's reason once it aborts. */
export type Transport = (url: string, request: TransportRequest, signal: AbortSignal) => Promise<TransportResponse>;

export interface HttpTransport {
  send: Transport;
  /** Closes the idle connections once calls in flight are answered. */
  close(): Promise<void>;
}

export interface TransportOptions {
  /** Injected fetch (the simulator's in tests); default: undici's fetch over one keep-alive Agent. */
  fetch?: typeof fetch;
  /** Largest answer, in bytes, on the wire and once decompressed (MAX_UPSTREAM_RESPONSE_BYTES). */
  maxResponseBytes: number;
}

/** An answer larger than `maxResponseBytes`: reading stopped there, and the connection was dropped. */
export class ResponseTooLargeError extends Error {
  readonly code = 'UPSTREAM_RESPONSE_TOO_LARGE' as const;

  constructor(
    readonly limit: number,
    readonly stage: 'compressed' | 'decompressed',
  ) {
    super(
      `response larger than ${limit} bytes ${stage === 'compressed' ? 'on the wire' : 'once decompressed'} (MAX_UPSTREAM_RESPONSE_BYTES)`,
    );
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * Bodies are parsed with plain JSON.parse, not ofetch's default (destr), which runs prototype-pollution regexes
 * over every body: 8 % of the gateway's CPU in a large export. JSON.parse is safe here (a `__proto__` key becomes
 * an own property, never a prototype), and a body that is not JSON stays text, as with destr, for the shape checks
 * to report.
 */
function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The transport: ofetch over the injected fetch, or over undici's fetch and a keep-alive Agent. */
export function createTransport(options: TransportOptions): HttpTransport {
  const limit = options.maxResponseBytes;
  let dispatcher: Dispatcher | undefined;
  let fetchImpl = options.fetch;
  if (!fetchImpl) {
    // undici's own header and body timeouts (300 s) are off: the call signal (client.ts) is the one timeout.
    const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0 }).compose(limitWireBytes(limit));
    dispatcher = agent;
    // undici's fetch asks for gzip, deflate and br and decodes them, as Node's built-in fetch does.
    fetchImpl = ((input: string, init: RequestInit) =>
      undiciFetch(input, {
        ...(init as Parameters<typeof undiciFetch>[1]),
        dispatcher: agent,
      })) as unknown as typeof fetch;
  }
  // ofetch hands the body over unread ('stream'): it is read below, byte-counted.
  const api = ofetch.create({ retry: false, ignoreResponseError: true, responseType: 'stream' }, { fetch: fetchImpl });
  return {
    async send(url, request, signal) {
      const response = await api.raw(url, { ...request, signal, responseType: 'stream' });
      // A declared length above the cap is refused before reading anything.
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      const body = response._data as ReadableStream<Uint8Array> | null | undefined;
      if (declared > limit) {
        await body?.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(limit, 'compressed');
      }
      // Read to the end, always (4xx and 5xx included): an unread body would hold its socket.
      const text = body ? await readCapped(body, limit) : '';
      return { status: response.status, headers: response.headers, body: parseJsonOrText(text) };
    },
    close: async () => {
      await dispatcher?.close();
    },
  };
}

/** Reads a (decompressed) body as UTF-8 text, cancelling it once it passes `limit` bytes. */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Cancelling the body drops the connection: the rest is never read.
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(limit, 'decompressed');
    }
    chunks.push(value);
  }
  // As fetch's `text()`: UTF-8, without a byte-order mark.
  const text = Buffer.concat(chunks, size).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * An undici interceptor that counts the bytes of each answer as they arrive, before fetch decompresses them, and
 * aborts the request once they pass `limit`: a compressed answer can be small once decompressed yet endless.
 */
function limitWireBytes(limit: number): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    let abort: ((reason?: Error) => void) | undefined;
    let size = 0;
    const counting: Dispatcher.DispatchHandlers = {
      ...bind(handler),
      onConnect(abortRequest: (reason?: Error) => void) {
        abort = abortRequest;
        handler.onConnect?.(abortRequest);
      },
      onData(chunk: Buffer) {
        size += chunk.length;
        if (size > limit) {
          abort?.(new ResponseTooLargeError(limit, 'compressed'));
          return false;
        }
        return handler.onData?.(chunk) ?? true;
      },
    };
    return dispatch(opts, counting);
  };
}

/** The handler's callbacks, bound to it (undici calls them unbound on the wrapper). */
function bind(handler: Dispatcher.DispatchHandlers): Dispatcher.DispatchHandlers {
  const bound: Record<string, unknown> = {};
  for (const key of ['onError', 'onUpgrade', 'onResponseStarted', 'onHeaders', 'onComplete', 'onBodySent'] as const) {
    const fn = handler[key] as ((...args: unknown[]) => unknown) | undefined;
    if (fn) bound[key] = fn.bind(handler);
  }
  return bound as Dispatcher.DispatchHandlers;
}

/** Codes undici sets on its own errors, said plainly. Node's (ECONNREFUSED, ECONNRESET …) speak for themselves. */
const UNDICI_CODES: Record<string, string> = {
  UND_ERR_SOCKET: 'connection closed before the answer',
  UND_ERR_CLOSED: 'client closed',
  UND_ERR_DESTROYED: 'client destroyed',
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  UND_ERR_HEADERS_TIMEOUT: 'headers timeout',
  UND_ERR_BODY_TIMEOUT: 'body timeout',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response body shorter or longer than its content-length',
  UND_ERR_INFO: 'malformed response',
};

/** The ResponseTooLargeError in an error's cause chain (fetch wraps what the dispatcher aborted with). */
export function tooLargeIn(error: unknown): ResponseTooLargeError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current instanceof ResponseTooLargeError) return current;
    current = current.cause;
  }
  return undefined;
}

/**
 * A short, secret-free description of a network failure (e.g. `network error (ECONNREFUSED)`): only an error code
 * is ever read, never a message, which for fetch may carry the request with its bearer header.
 */
export function networkDetail(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) {
      const plain = UNDICI_CODES[code];
      return plain === undefined ? `network error (${code})` : `network error (${code}: ${plain})`;
    }
    current = current.cause;
  }
  return 'network error';
}
