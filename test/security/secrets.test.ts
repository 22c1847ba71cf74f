import { describe, expect, it } from 'vitest';
import { scrubSecrets, secretVariants } from '../../src/secrets.ts';
import { failWhen, urlOf } from './faulty-fetch.ts';
import { createSecureStack, type GatewayAnswer } from './stack.ts';

// A full session at debug level, with the logger redacting nothing: neither the client secret, nor any access
// token OfficeRnD issued, nor any API key (configured or presented) may appear in a log line or a response.

const CLIENT_SECRET = 'demo-secret';
const KEYS = ['session-key-one-0123456789', 'session-key-two-9876543210abcdef'];
const WRONG_KEY = `${KEYS[0]}-wrong`;

describe('secrets', () => {
  it('never appear in any log line or response of a session at debug level', async () => {
    const tokens: string[] = [];
    let tokenCalls = 0;
    let echoBearer = false;
    const stack = createSecureStack({
      env: { GATEWAY_API_KEYS: KEYS.join(','), LOG_LEVEL: 'debug' },
      logLevel: 'debug',
      client: { timeoutMs: 2_000 },
      wrapFetch: (inner) => {
        // Upstream answers that echo what they were sent: a refused client secret, a rejected bearer token.
        const echoing = failWhen(
          inner,
          (url, init) => {
            if (url.pathname.endsWith('/oauth/token')) return ++tokenCalls === 1;
            return echoBearer && url.pathname.endsWith('/plans');
          },
          (init) => {
            const auth = new Headers(init?.headers).get('authorization') ?? '';
            if (auth === '') {
              return new Response(
                JSON.stringify({
                  error: 'invalid_client',
                  error_description: `client secret ${CLIENT_SECRET} refused`,
                }),
                {
                  status: 401,
                  headers: { 'content-type': 'application/json' },
                },
              );
            }
            return new Response(JSON.stringify({ message: `token ${auth.slice(7)} is not valid for plans` }), {
              status: 400,
              headers: { 'content-type': 'application/json' },
            });
          },
        );
        // Remember every token issued, to look for it afterwards.
        return async (input, init) => {
          const response = await echoing(input, init);
          if (urlOf(input).pathname.endsWith('/oauth/token') && response.ok) {
            const body = (await response.clone().json()) as { access_token?: string };
            if (body.access_token) tokens.push(body.access_token);
          }
          return response;
        };
      },
    });

    const answers: GatewayAnswer[] = [];
    const ask = async (query: string, headers: Record<string, string> = { authorization: `Bearer ${KEYS[0]}` }) => {
      const answer = await stack.query(query, undefined, headers);
      answers.push(answer);
      return answer;
    };

    // The first token request is refused (its error echoes the secret): UPSTREAM_AUTH_FAILED. The next one succeeds.
    await ask('{ offices { nodes { name } } }');
    await ask('{ members(first: 20) { nodes { name team { name office { name } } } } }');
    await ask('{ teams(first: 5) { nodes { name } } }', { 'x-api-key': KEYS[1] ?? '' });
    // Wrong and missing keys.
    await ask('{ __typename }', { authorization: `Bearer ${WRONG_KEY}` });
    await ask('{ __typename }', { 'x-api-key': WRONG_KEY });
    await ask('{ __typename }', {});
    // Every token revoked mid-session: a 401, a fresh token.
    stack.simulator.expireTokens();
    await ask('{ bookings(first: 30) { nodes { id member { name } resource { name } } } }');
    // Faults: retries and their warnings.
    // Enough requests at a high fault rate that retries (and their log lines) are certain whatever the plan.
    stack.simulator.setFaults({ errorRate: 0.5, dropRate: 0.1 });
    await ask('{ bookings(first: 300) { nodes { member { name } } } }');
    stack.simulator.setFaults({});
    // An upstream error that quotes the bearer token back.
    echoBearer = true;
    await ask('{ plans(first: 3) { nodes { name } } }');
    echoBearer = false;
    // Invalid input, an unknown route, the health check.
    await ask('{ members(first: -1) { nodes { id } } }');
    await ask('{ nope }');
    answers.push(await stack.request('/reports/members.csv', { headers: { authorization: `Bearer ${KEYS[0]}` } }));
    answers.push(await stack.request('/health'));

    // The session did what it should: data, refusals, retries, two tokens.
    expect(answers[0]?.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(answers[0]?.errors?.[0]?.message).toMatch(/client secret \[redacted\] refused/);
    expect(answers[1]?.errors).toBeUndefined();
    expect(answers[3]?.status).toBe(401);
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(stack.officernd.stats.retries).toBeGreaterThan(0);
    expect(answers.some((a) => a.errors?.some((e) => e.extensions?.code === 'UPSTREAM_BAD_REQUEST'))).toBe(true);
    expect(stack.logs.filter((l) => /"level":"debug"/.test(l)).length).toBeGreaterThan(50);
    expect(stack.logs.some((l) => /officernd retry/.test(l))).toBe(true);

    const secrets = [CLIENT_SECRET, ...tokens, ...KEYS, WRONG_KEY];
    const published = [
      ...stack.logs,
      ...answers.map((a) => a.text),
      ...answers.flatMap((a) => [...a.headers.values()]),
    ];
    for (const secret of secrets) {
      const leaks = published.filter((text) => text.includes(secret));
      expect(leaks, `${secret.slice(0, 6)}… leaked`).toEqual([]);
    }
  });
});

// A secret with every character that encodes differently somewhere: `+` (a space in forms, %2B), `/` (%2F, base64's
// alphabet), `=` and `&` (form syntax), `%` (%25), `"` and `\` (JSON escapes), a space (form `+`).
const ODD_ID = 'odd-client';
const ODD_SECRET = 'Zq+7/kP=&%4r "x\\y~9';

/** The spellings a leak could take, computed here independently of src/secrets.ts. */
function spellings(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const all = [
    secret,
    percent,
    percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(`${ODD_ID}:${secret}`).toString('base64'),
    Buffer.from(`${ODD_ID}:${secret}`).toString('base64url'),
    Buffer.from(secret).toString('base64'),
  ];
  return [...new Set(all)];
}

describe('secrets in every encoding', () => {
  it('no error or log line carries the secret raw, URL-encoded, form-encoded, JSON-escaped or in Basic auth', async () => {
    let echo = true;
    const stack = createSecureStack({
      logLevel: 'debug',
      // The logger is given the secret, as server.ts gives it OFFICERND_CLIENT_SECRET.
      redact: [ODD_SECRET],
      simulator: { clients: [{ clientId: ODD_ID, clientSecret: ODD_SECRET, scopes: ['officernd.api.read'] }] },
      client: { clientId: ODD_ID, clientSecret: ODD_SECRET, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => echo && (url.pathname.endsWith('/oauth/token') || url.pathname.endsWith('/plans')),
          async (init) => {
            // A token endpoint that quotes the form body back, and an API that quotes every spelling of it.
            const form = String(init?.body ?? '');
            const body = form.includes('client_secret')
              ? { error: 'invalid_request', error_description: `could not read ${form}` }
              : { message: `rejected: ${spellings(ODD_SECRET).join(' | ')} ${JSON.stringify({ secret: ODD_SECRET })}` };
            return new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } });
          },
        ),
    });
    const refusedToken = await stack.query('{ offices { nodes { name } } }');
    echo = false;
    await stack.query('{ offices { nodes { name } } }');
    echo = true;
    const refusedCall = await stack.query('{ plans(first: 3) { nodes { name } } }');
    const exported = await stack.request('/reports/plans.csv');
    expect(refusedToken.errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(refusedToken.errors?.[0]?.message).toContain('client_secret=[redacted]');
    expect(refusedCall.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BAD_REQUEST');
    expect(refusedCall.errors?.[0]?.message).toContain('rejected: [redacted] | [redacted]');
    // The upstream messages also reach the logs, through the logger's own scrub.
    for (const error of [...(refusedToken.errors ?? []), ...(refusedCall.errors ?? [])])
      stack.logger.warn('upstream said', { detail: error.message });
    stack.logger.error(`raw: ${spellings(ODD_SECRET).join(' ')}`);

    const published = [
      ...stack.logs,
      refusedToken.text,
      refusedCall.text,
      exported.text,
      ...[refusedToken, refusedCall].flatMap((a) => (a.errors ?? []).map((e) => e.message)),
    ];
    for (const spelling of spellings(ODD_SECRET)) {
      const leaks = published.filter((text) => text.includes(spelling));
      expect(leaks, `${JSON.stringify(spelling)} leaked`).toEqual([]);
    }
    expect(stack.logs.some((l) => l.includes('[redacted]'))).toBe(true);
  });

  it('scrubSecrets finds the secret at any byte alignment inside base64, and leaves other text alone', () => {
    for (const prefix of ['', 'a', 'ab', 'abc:', 'user-id:']) {
      const basic = Buffer.from(`${prefix}${ODD_SECRET}`).toString('base64');
      const scrubbed = scrubSecrets(`Authorization: Basic ${basic}`, [ODD_SECRET]);
      expect(scrubbed).toContain('[redacted]');
      // At most two characters at each end of the secret's span survive: they also carry the neighbours' bits.
      expect(scrubbed.replace('Authorization: Basic ', '').replace('[redacted]', '').length).toBeLessThanOrEqual(
        Math.ceil((prefix.length * 4) / 3) + 4,
      );
    }
    expect(scrubSecrets('nothing to see here', [ODD_SECRET, 'abc'])).toBe('nothing to see here');
    expect(secretVariants('abc')).toEqual([]);
  });
});
