/**
 * Response helpers shared by the simulator's endpoints. v1 API errors carry a `message`
 * field (shared/officernd-api.md §9); the token endpoint answers OAuth-style `error` bodies (§1).
 */

import { STATUS_CODES } from 'node:http';

/** An expected failure: becomes a JSON `{ message }` response with this status (§9). */
export class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.headers = headers;
  }
}

/** A 400 with the given message: the simulator's answer to anything the doc does not allow. */
export const badRequest = (message: string): HttpError => new HttpError(400, message);

/** A JSON response with the `application/json; charset=utf-8` content type the API sends (§9). */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A v1 error response `{ message }` (§9). */
export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { message }, headers);
}

/** The standard reason phrase of a status, e.g. 503 → "Service Unavailable". */
export const reasonPhrase = (status: number): string => STATUS_CODES[status] ?? 'Error';
