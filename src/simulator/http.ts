/**
 * Response helpers shared by the simulator's endpoints. v1 API errors carry a `message`
 * field (shared/officernd-api.md §9); the token endpoint answers OAuth-style `error` bodies (§1).
 */

import { STATUS_CODES } from 'node:http';

/** An expected failure: becomes a JSON `{ message }` response with this status (§9). */
export class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Every violation, when a v2 validation fails on several parameters at once (§9). */
  messages: readonly string[] | null = null;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = headers;
  }
}

/** A 400 with the given message: the simulator's answer to anything the doc does not allow. */
export const badRequest = (message: string): HttpError => new HttpError(400, message);

/**
 * What the simulator answers, before it becomes a fetch `Response` (in-process) or is written straight to a socket
 * (`listen`): building and reading web `Response` streams cost more than the answer itself, and the simulator must
 * not be what a benchmark measures.
 */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The parts of a request the simulator reads, over a fetch `Request` or a node:http request alike. */
export interface SimRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  /** A request header (case-insensitive name), or null. */
  header(name: string): string | null;
  text(): Promise<string>;
}

/** A JSON answer with the `application/json; charset=utf-8` content type the API sends (§9). */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * A v2 (NestJS) error answer `{ statusCode, message, error }` (§9): `message` is a string, or an array
 * when several validations fail; `error` is the reason phrase.
 */
export function v2ErrorResponse(
  status: number,
  message: string | readonly string[],
  headers: Record<string, string> = {},
): SimResponse {
  const text = typeof message === 'string' || message.length !== 1 ? message : (message[0] ?? '');
  return jsonResponse(status, { statusCode: status, message: text, error: reasonPhrase(status) }, headers);
}

/** A v1 error answer `{ message }` (§9). */
export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): SimResponse {
  return jsonResponse(status, { message }, headers);
}

/** Reads a fetch `Request` as a SimRequest (the in-process fetch). */
export function fromFetchRequest(request: Request): SimRequest {
  return {
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name),
    text: () => request.text(),
  };
}

/** Turns an answer into a fetch `Response` (the in-process fetch). */
export function toFetchResponse(answer: SimResponse): Response {
  return new Response(answer.body, {
    status: answer.status,
    statusText: reasonPhrase(answer.status, ''),
    headers: answer.headers,
  });
}

/** The standard reason phrase of a status, e.g. 503 → "Service Unavailable". */
export const reasonPhrase = (status: number, fallback = 'Error'): string => STATUS_CODES[status] ?? fallback;
