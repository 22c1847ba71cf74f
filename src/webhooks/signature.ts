/**
 * OfficeRnD webhook signatures (shared/officernd-api.md §8a): header `officernd-signature: t=<unix s>,v1=<hex>`,
 * where v1 is the hex HMAC-SHA256, keyed by the webhook secret, of the raw request body + `.` + t. Checked on the
 * raw bytes before any JSON parsing, compared in constant time, and refused outside a 5-minute replay window.
 */

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'officernd-signature';
/** §8a: a `t` older than 5 minutes is a replay. A clock ahead by as much is refused too. */
export const REPLAY_WINDOW_S = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** The hex signature OfficeRnD sends for this body at time `t` (also what the simulator signs with). */
export function signWebhook(secret: string, rawBody: Uint8Array | string, t: number | string): string {
  return createHmac('sha256', secret).update(rawBody).update(`.${t}`).digest('hex');
}

/** The header value for a body signed now (`t` in unix seconds). */
export function signatureHeader(secret: string, rawBody: Uint8Array | string, t: number): string {
  return `t=${t},v1=${signWebhook(secret, rawBody, t)}`;
}

/** Parses `t=…,v1=…` by key; several v1 values are allowed (any may match). */
function parseHeader(header: string): { t: string | null; v1: string[] } {
  let t: string | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') t = value;
    else if (key === 'v1') v1.push(value);
  }
  return { t, v1 };
}

/** Verifies a delivery; `nowS` is the receiver's clock in unix seconds. */
export function verifyWebhook(
  secret: string,
  rawBody: Uint8Array,
  header: string | null,
  nowS: number,
): SignatureCheck {
  if (header === null || header.trim() === '') return { ok: false, reason: `missing ${SIGNATURE_HEADER} header` };
  const { t, v1 } = parseHeader(header);
  if (t === null || !/^\d{1,12}$/.test(t) || v1.length === 0)
    return { ok: false, reason: `malformed ${SIGNATURE_HEADER} header` };
  if (Math.abs(nowS - Number(t)) > REPLAY_WINDOW_S)
    return { ok: false, reason: 'signature timestamp outside the 5-minute window' };
  const expected = Buffer.from(signWebhook(secret, rawBody, t), 'hex');
  let match = false;
  for (const candidate of v1) {
    if (!/^[0-9a-f]{64}$/i.test(candidate)) continue;
    // Same length by the check above: timingSafeEqual compares every byte whatever the outcome.
    match = timingSafeEqual(expected, Buffer.from(candidate, 'hex')) || match;
  }
  return match ? { ok: true } : { ok: false, reason: 'signature does not match' };
}
