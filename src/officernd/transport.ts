/**
 * How the client sends one API GET and reads its answer: ofetch (`ofetch.create`), the one HTTP client, over a
 * fetch. Tests inject the simulator's in-process fetch; production gives ofetch a fetch on the npm `undici`
 * package's dispatcher API (`Agent.request` over one keep-alive Agent; `dispatcherFetch` below), which costs about a
 * third of the client CPU of undici's WHATWG `fetch` per call. Loopback tests run it against a real socket.
 * Status handling and retries are the client's (client.ts, retry.ts): ofetch neither retries nor throws on a status.
 * Each answer is bounded by `maxResponseBytes`, compressed (on the wire) and decompressed (read) alike.
 */

import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { ofetch } from 'ofetch';
import { Agent, type Dispatcher } from 'undici';

const gunzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gunzip);
const inflateAsync = promisify<Buffer, ZlibOptions, Buffer>(inflate);
const inflateRawAsync = promisify<Buffer, ZlibOptions, Buffer>(inflateRaw);
const brotliAsync = promisify<Buffer, ZlibOptions, Buffer>(brotliDecompress);

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
  /** Injected fetch (the simulator's in tests); default: a fetch on undici's dispatcher API over one keep-alive Agent (dispatcherFetch). */
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

/** The transport: ofetch over the injected fetch, or over a fetch on undici's dispatcher and a keep-alive Agent. */
export function createTransport(options: TransportOptions): HttpTransport {
  const limit = options.maxResponseBytes;
  let agent: Agent | undefined;
  let fetchImpl = options.fetch;
  if (!fetchImpl) {
    // undici's own header and body timeouts (300 s) are off: the call signal (client.ts) is the one timeout.
    agent = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
    fetchImpl = dispatcherFetch(agent, limit);
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
      await agent?.close();
    },
  };
}

const inflateEither = (data: Buffer, opts: ZlibOptions): Promise<Buffer> =>
  // "deflate" is meant to be zlib-wrapped, yet some servers send it raw; fetch accepts both, and so do we.
  ((data[0] ?? 0) & 0x0f) === 0x08 ? inflateAsync(data, opts) : inflateRawAsync(data, opts);

/** The decoders of the codings the client asks for (`accept-encoding: gzip, deflate, br`), as fetch decodes them. */
const DECODERS: Record<string, (data: Buffer, opts: ZlibOptions) => Promise<Buffer>> = {
  gzip: (data, opts) => gunzipAsync(data, opts),
  'x-gzip': (data, opts) => gunzipAsync(data, opts),
  deflate: inflateEither,
  br: (data, opts) => brotliAsync(data, opts),
};

/**
 * The fetch ofetch calls in production: one request on undici's dispatcher API (`Agent.request`, keep-alive), the
 * answer read whole and handed to ofetch as a `Response`. It does what the client needs of fetch and no more: the
 * method, headers, body and signal of the request; status, headers and body of the answer, decoded from gzip,
 * deflate or br. Both byte limits are kept here: the bytes on the wire are counted as they arrive (the connection
 * is dropped past `limit`), and decoding stops at `limit` bytes of output. Measured against undici's own `fetch`
 * (WHATWG streams, Request and Response objects per call): about a third of its client CPU per call and less
 * memory for a large export (`npm run bench -- --only=transport`; bench/README.md). A signal that aborts rejects
 * with its reason, as fetch does.
 */
function dispatcherFetch(agent: Dispatcher, limit: number): typeof fetch {
  return (async (input: string | URL, init: RequestInit = {}) => {
    const { origin, path } = splitUrl(String(input));
    const signal = init.signal ?? undefined;
    const answer = await agent.request({
      origin,
      path,
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: headerRecord(init.headers),
      body: typeof init.body === 'string' ? init.body : null,
      ...(signal ? { signal } : {}),
    });
    const wire = await readWire(answer.body, limit);
    const coding = answer.headers['content-encoding'];
    const decode = typeof coding === 'string' ? DECODERS[coding.trim().toLowerCase()] : undefined;
    let bytes = wire;
    if (decode && wire.length > 0) {
      try {
        bytes = await decode(wire, { maxOutputLength: limit });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new ResponseTooLargeError(limit, 'decompressed');
        throw error;
      }
    }
    const headers = toHeaders(answer.headers);
    // The body is decoded: its length and coding no longer describe it.
    if (decode) {
      headers.delete('content-encoding');
      headers.delete('content-length');
    }
    const status = answer.statusCode;
    const empty = status === 204 || status === 304 || bytes.length === 0;
    return new Response(empty ? null : (bytes as unknown as BodyInit), { status, headers });
  }) as typeof fetch;
}

/** An answer's bytes as they came over the wire, dropping the connection once they pass `limit`. */
async function readWire(body: Dispatcher.ResponseData['body'], limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new ResponseTooLargeError(limit, 'compressed');
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

/** `http://host:port/a/b?q` → origin and path, without a URL object per call. */
function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0 ? { origin: url, path: '/' } : { origin: url.slice(0, slash), path: url.slice(slash) };
}

/** The request's headers as undici's record (ofetch hands a Headers object). */
function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      record[name] = value;
    });
    return record;
  }
  for (const [name, value] of Array.isArray(headers) ? headers : Object.entries(headers)) record[name] = value;
  return record;
}

/** undici's raw header record as WHATWG Headers, for the code that reads cursors and rate-limit headers. */
function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in raw) {
    const value = raw[name];
    if (typeof value === 'string') headers.append(name, value);
    else if (value) for (const v of value) headers.append(name, v);
  }
  return headers;
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
