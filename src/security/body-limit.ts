/**
 * The request body limit (MAX_BODY_BYTES): Yoga's own check (graphql-yoga use-limit-request-body-size), same
 * answers, without its per-request cost where it buys nothing. Yoga refuses a declared Content-Length over the limit,
 * then wraps every body in a counting stream and a new Request (≈5 % of the gateway's CPU per small query). On Node's
 * HTTP server a valid Content-Length is the body's exact length (the HTTP parser frames the message by it, RFC 9112
 * §6.3), so such a body is counted by its header alone; chunked bodies, and any request not parsed by Node (in-process
 * `fetch`), are still counted as their bytes arrive.
 */

import { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

// Yoga's errors, word for word: callers see the same status, code and message as before.
const tooLarge = (): GraphQLError =>
  new GraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });
const badLength = (): GraphQLError =>
  new GraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });

/** One non-negative integer; anything else (a list, a sign) is refused, as request smuggling tries them. */
const CONTENT_LENGTH = /^\d+$/;

/** The request with its body counted as it streams: an error once more than `limit` bytes have arrived. */
function countingBody(
  request: Request,
  limit: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
): Request {
  const body = request.body;
  if (!body) return request;
  // A native stream needs the native TransformStream (graphql-yoga#4583).
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytesRead = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) {
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: 'half',
  } as RequestInit);
}

/**
 * Refuses bodies over `limit` bytes with 413 (REQUEST_ENTITY_TOO_LARGE) and a malformed Content-Length with 400.
 * Put it after every plugin that picks a request parser, so it guards the parser that is used.
 */
export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) throw badLength();
        if (Number(declared) > limit) throw tooLarge();
        // Framed by Node's HTTP parser: the body is exactly the declared length, already checked.
        if ((serverContext as { req?: unknown } | undefined)?.req instanceof IncomingMessage) return;
      }
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser((req) => parse(countingBody(req, limit, fetchAPI)));
    },
  };
}
