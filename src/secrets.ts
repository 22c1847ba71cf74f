/**
 * Every spelling a secret can take on its way into a message or a log line, and their removal. A client secret
 * travels form-encoded in the token request (§1), a token in a header, and an upstream error or a library message
 * may quote either back raw, URL-encoded (`%2B`, `%2b`, form `+` for a space), JSON-escaped, or inside the base64
 * of `id:secret` (Basic auth). Pure: no state, no I/O.
 */

/** Shorter secrets are not scrubbed: they would redact ordinary words. */
const MIN_SECRET_LENGTH = 4;
/** Shorter base64 fragments are not scrubbed: a few characters of base64 turn up in any long text. */
const MIN_FRAGMENT_LENGTH = 6;
const REDACTED = '[redacted]';

/**
 * The spellings of `secret` to scrub, longest first: raw, JSON-escaped, URL-encoded (upper and lower case hex,
 * `encodeURI`, form encoding), and base64 (standard and URL-safe) at each of the three byte alignments it can
 * have inside a longer encoded value, such as the base64 of `client_id:secret`. A base64 fragment leaves out the
 * one or two characters at each end that also depend on the neighbouring bytes.
 */
export function secretVariants(secret: string): string[] {
  if (secret.length < MIN_SECRET_LENGTH) return [];
  const variants = new Set<string>([secret]);
  variants.add(JSON.stringify(secret).slice(1, -1));
  const encoded = encodeURIComponent(secret);
  variants.add(encoded);
  variants.add(encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  variants.add(encodeURI(secret));
  variants.add(new URLSearchParams({ s: secret }).toString().slice(2));
  // Encoded twice, as when a URL-encoded value is put in a query string again.
  variants.add(encodeURIComponent(encoded));
  const bytes = Buffer.from(secret, 'utf8');
  for (let offset = 0; offset < 3; offset++) {
    const text = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString('base64')
      .replace(/=+$/, '');
    // Characters are 6 bits: keep those made only of the secret's bits.
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const fragment = text.slice(start, end);
    if (fragment.length < MIN_FRAGMENT_LENGTH) continue;
    variants.add(fragment);
    variants.add(fragment.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** Replaces every spelling of every secret in `text` with `[redacted]`. */
export function scrubSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const variant of secretVariants(secret)) {
      if (out.includes(variant)) out = out.split(variant).join(REDACTED);
    }
  }
  return out;
}
