/**
 * Response compression: brotli or gzip, as the caller's Accept-Encoding prefers (RFC 9110 §12.5.3), for answers of a
 * known length: GraphQL results (batches included), the GraphiQL page, /metrics, JSON errors. Node's zlib, not
 * CompressionStream (which has no brotli on Node 20). Streamed exports are not compressed yet: an export cut short by
 * an OfficeRnD failure ends its connection on the read after its error marker, before a compressor has written the
 * marker, so a compressed export would lose the marker (see the README).
 */

import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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

/** Compresses answers when the caller accepts brotli or gzip. Put it after useOperations, which reads error bodies. */
export function useCompression(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method === 'HEAD' || !response.body || response.status === 204 || response.status === 304) return;
      if (response.headers.has('content-encoding')) return;
      const type = response.headers.get('content-type') ?? '';
      if (!COMPRESSIBLE.test(type)) return;
      // Only complete answers (a known length): a streamed export goes out as it is (see the module comment).
      const length = response.headers.get('content-length');
      if (length === null || Number(length) < MIN_BYTES) return;
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
      if (!encoding) return;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.set('content-encoding', encoding);
      headers.append('vary', 'Accept-Encoding');
      const init = { status: response.status, statusText: response.statusText, headers };
      const whole = Buffer.from(await response.arrayBuffer());
      const compressed = await compressWhole[encoding](whole, encoding === 'br' ? BROTLI_OPTIONS : GZIP_OPTIONS);
      setResponse(new fetchAPI.Response(compressed, init));
    },
  };
}
