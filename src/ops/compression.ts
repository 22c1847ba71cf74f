/**
 * Response compression: brotli or gzip, as the caller's Accept-Encoding prefers (RFC 9110 §12.5.3), for GraphQL
 * results (batches included), report exports (streamed), the GraphiQL page and /metrics. Node's zlib, not
 * CompressionStream (which has no brotli on Node 20).
 */

import { promisify } from 'node:util';
import {
  brotliCompress,
  constants,
  createBrotliCompress,
  createGzip,
  gzip,
  type BrotliCompress,
  type Gzip,
} from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes (when the length is known) compression saves less than it costs. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(?:application\/(?:json|graphql-response\+json|x-ndjson|ndjson)|text\/)/i;

/** The encoding to use for an Accept-Encoding header: brotli before gzip at equal weight; null for none. */
export function negotiateEncoding(header: string | null): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: Encoding): number => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}

const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const GZIP_OPTIONS = { level: 6 };
const compressWhole = { br: promisify(brotliCompress), gzip: promisify(gzip) };

/** How an export ends its transfer early (src/reports/http.ts: the socket's destroySoon after the error marker). */
interface Cut {
  /** Whether the source asked to end the connection. */
  requested(): boolean;
  /** Ends it now: what was written so far goes out, the end of the chunked body does not. */
  now(): void;
  /** Gives the socket its own behaviour back (a kept-alive socket serves the next request). */
  release(): void;
}

/**
 * The compressed stream of `source`, flushed after every chunk, so each page of an export leaves as soon as it is
 * written and a slow reader still slows the reading down. An export cut short by an OfficeRnD failure ends its
 * connection (`cut`) after its error marker: that is deferred until the compressed marker has been handed on.
 */
function compressStream(
  source: ReadableStream<Uint8Array>,
  encoding: Encoding,
  cut: Cut | null,
): ReadableStream<Uint8Array> {
  const zlib: BrotliCompress | Gzip =
    encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip(GZIP_OPTIONS);
  const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  const reader = source.getReader();
  let output: Buffer[] = [];
  zlib.on('data', (chunk: Buffer) => output.push(chunk));
  const take = (): Uint8Array => {
    const bytes = Buffer.concat(output);
    output = [];
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  // The flush's output may be emitted after its callback (on a later tick): wait one turn for it.
  const flushed = (): Promise<void> => new Promise((done) => zlib.flush(flushKind, () => setImmediate(done)));
  let cutting = false;
  const stop = (): void => {
    zlib.destroy();
    cut?.release();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // The compressed marker was read (and so written): end the transfer as the source asked.
        if (cutting) {
          cut?.now();
          stop();
          controller.close();
          return;
        }
        // Read until there is something to send: a pull that enqueues nothing is not called again.
        for (;;) {
          let next: ReadableStreamReadResult<Uint8Array>;
          try {
            next = await reader.read();
          } catch (error) {
            stop();
            throw error;
          }
          if (next.done) {
            if (cut?.requested()) {
              await flushed();
              if (output.length > 0) {
                cutting = true;
                controller.enqueue(take());
                return;
              }
              cut.now();
              stop();
              controller.close();
              return;
            }
            await new Promise<void>((done, fail) => {
              zlib.once('end', done);
              zlib.once('error', fail);
              zlib.end();
            });
            if (output.length > 0) controller.enqueue(take());
            cut?.release();
            controller.close();
            return;
          }
          if (next.value.byteLength === 0) continue;
          zlib.write(next.value);
          await flushed();
          if (output.length > 0) {
            controller.enqueue(take());
            return;
          }
        }
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    },
    // Pull only when the caller reads: a slow reader slows the source down.
    { highWaterMark: 0 },
  );
}

/** Defers the socket's `destroySoon` (how an export truncates its transfer) while a compressed stream is sent. */
function deferCut(serverContext: unknown): Cut | null {
  const socket = (serverContext as { res?: { socket?: { destroySoon?: () => void } | null } } | undefined)?.res?.socket;
  if (!socket || typeof socket.destroySoon !== 'function') return null;
  const original = socket.destroySoon.bind(socket);
  let requested = false;
  socket.destroySoon = () => {
    requested = true;
    // Whoever checks whether the transfer was cut (the export cache keeps no truncated copy) sees it ended already.
    Object.defineProperty(socket, 'writableEnded', { value: true, configurable: true });
  };
  const release = (): void => {
    delete socket.destroySoon;
    delete (socket as { writableEnded?: boolean }).writableEnded;
  };
  return {
    requested: () => requested,
    now: () => {
      release();
      original();
    },
    release,
  };
}

/**
 * Compresses answers when the caller accepts brotli or gzip. Put it last: it must see the final answer (after the
 * request id tagging of error bodies and after the caches, which keep answers uncompressed).
 */
export function useCompression(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI, serverContext }) {
      if (request.method === 'HEAD' || !response.body || response.status === 204 || response.status === 304) return;
      if (response.headers.has('content-encoding')) return;
      const type = response.headers.get('content-type') ?? '';
      if (!COMPRESSIBLE.test(type)) return;
      const length = response.headers.get('content-length');
      if (length !== null && Number(length) < MIN_BYTES) return;
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
      if (!encoding) return;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.set('content-encoding', encoding);
      headers.append('vary', 'Accept-Encoding');
      const init = { status: response.status, statusText: response.statusText, headers };
      if (length === null && response.body instanceof ReadableStream) {
        // A stream (an export): compressed chunk by chunk as it is written.
        setResponse(new Response(compressStream(response.body, encoding, deferCut(serverContext)), init));
        return;
      }
      // A complete answer (GraphQL, GraphiQL, /metrics): compressed whole, off the main thread.
      const whole = Buffer.from(await response.arrayBuffer());
      const compressed = await compressWhole[encoding](whole, encoding === 'br' ? BROTLI_OPTIONS : GZIP_OPTIONS);
      setResponse(new fetchAPI.Response(compressed, init));
    },
  };
}
