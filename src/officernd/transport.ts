/**
 * How the client sends one API GET and reads its answer. Two implementations: ofetch over an injected fetch (the
 * simulator's in-process fetch in tests), and undici's `request()` over one keep-alive Agent, which skips the WHATWG
 * fetch layer (Request, Response, web streams) and costs about a third of fetch's client CPU per call.
 */

import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';
import { ofetch } from 'ofetch';
import { Agent } from 'undici';

export interface TransportResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

/** One GET: rejects on a network failure, or with the signal's reason once it aborts. */
export type Transport = (url: string, headers: Record<string, string>, signal: AbortSignal) => Promise<TransportResponse>;

export interface HttpTransport {
  send: Transport;
  /** Closes the idle connections once calls in flight are answered. */
  close(): Promise<void>;
}

/**
 * Bodies are parsed with plain JSON.parse, not ofetch's default (destr), which runs prototype-pollution regexes
 * over every body: 8 % of the gateway's CPU in a large export. JSON.parse is safe here (a `__proto__` key becomes
 * an own property, never a prototype), and a body that is not JSON stays text, as with destr, for the shape checks
 * to report.
 */
export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A transport over ofetch and the given fetch (status handling and retries are the client's). */
export function createFetchTransport(fetchImpl: typeof fetch): HttpTransport {
  const api = ofetch.create({ retry: false, ignoreResponseError: true, parseResponse: parseJsonOrText }, { fetch: fetchImpl });
  return {
    async send(url, headers, signal) {
      const response = await api.raw<unknown>(url, { method: 'GET', headers, signal });
      return { status: response.status, headers: response.headers, body: response._data };
    },
    close: async () => {},
  };
}

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);
const inflateRawAsync = promisify(inflateRaw);
const decoders = new Map<string, (data: Buffer) => Promise<Buffer>>([
  ['gzip', gunzipAsync],
  ['x-gzip', gunzipAsync],
  ['br', promisify(brotliDecompress)],
  // "deflate" is meant to be zlib-wrapped, yet some servers send it raw; fetch accepts both, and so do we.
  ['deflate', (data) => (((data[0] ?? 0) & 0x0f) === 0x08 ? inflateAsync(data) : inflateRawAsync(data))],
]);

/** A transport over undici's `request()` and one keep-alive Agent; calls are bounded by their signal alone. */
export function createUndiciTransport(): HttpTransport {
  // undici's own header and body timeouts (300 s) are off: the call signal (client.ts callSignal) is the one timeout.
  const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  return {
    async send(url, headers, signal) {
      // Compressed answers, as fetch asks for (and decodes) them: a large page crosses the Internet compressed.
      const response = await agent.request({
        ...splitUrl(url),
        method: 'GET',
        headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' },
        signal,
      });
      // Read to the end, always (4xx and 5xx included): an unread body would hold its socket. An abort of the
      // signal destroys the body mid-read, and the read rejects with the signal's reason.
      const decode = decoderFor(response.headers['content-encoding']);
      const text = decode ? await decodedText(Buffer.from(await response.body.arrayBuffer()), decode) : await response.body.text();
      return { status: response.statusCode, headers: toHeaders(response.headers), body: parseJsonOrText(text) };
    },
    close: () => agent.close(),
  };
}

function decoderFor(coding: string | string[] | undefined): ((data: Buffer) => Promise<Buffer>) | undefined {
  if (typeof coding !== 'string') return undefined;
  return decoders.get(coding.trim().toLowerCase());
}

/** A compressed body as text; an empty one (a 204, a HEAD-like answer) is empty text, not a decoder error. */
async function decodedText(data: Buffer, decode: (data: Buffer) => Promise<Buffer>): Promise<string> {
  return data.length === 0 ? '' : withoutBom((await decode(data)).toString('utf8'));
}

/** As fetch's `text()` (and undici's): a UTF-8 byte-order mark is not part of the text. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `http://host:port/a/b?q` → origin and path, without a URL object per call. */
function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0 ? { origin: url, path: '/' } : { origin: url.slice(0, slash), path: url.slice(slash) };
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
