import { describe, expect, it } from 'vitest';
import { createLogger, isSecretKey } from '../src/logger.ts';
import type { LogLevel } from '../src/config.ts';

const AT = new Date('2026-01-02T03:04:05.000Z');

const collect = (level: LogLevel, secrets: string[] = []) => {
  const lines: { line: string; level: LogLevel }[] = [];
  const logger = createLogger({
    level,
    secrets,
    clock: () => AT,
    write: (line, lineLevel) => lines.push({ line, level: lineLevel }),
  });
  return {
    logger,
    lines,
    text: () => lines.map((l) => l.line).join('\n'),
    parsed: () => lines.map((l) => JSON.parse(l.line) as Record<string, unknown>),
  };
};

describe('logger', () => {
  it('writes one JSON object per line: level, time, msg and the meta; tokenUrl at start-up is not a secret', () => {
    const { logger, lines, parsed } = collect('info');
    logger.info('Using OfficeRnD', {
      org: 'demo',
      apiUrl: 'https://app.officernd.com/api/v1',
      tokenUrl: 'https://identity.officernd.com/oauth/token',
      authorizationUrl: 'https://identity.officernd.com/oauth/authorize',
      tokenRequests: 3,
      tokenExpiresInS: 3600,
      skipped: undefined,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).not.toContain('\n');
    expect(parsed()).toEqual([
      {
        level: 'info',
        time: '2026-01-02T03:04:05.000Z',
        msg: 'Using OfficeRnD',
        org: 'demo',
        apiUrl: 'https://app.officernd.com/api/v1',
        tokenUrl: 'https://identity.officernd.com/oauth/token',
        authorizationUrl: 'https://identity.officernd.com/oauth/authorize',
        tokenRequests: 3,
        tokenExpiresInS: 3600,
      },
    ]);
  });

  it('redacts the values of keys that hold secrets, whatever they are', () => {
    const { logger, text, parsed } = collect('debug');
    const meta = {
      clientSecret: 'v1',
      client_secret: 'v2',
      password: 'v3',
      authorization: 'Bearer v4',
      Authorization: 'Bearer v5',
      apiKey: 'v6',
      api_key: 'v7',
      apiKeys: ['v8'],
      'x-api-key': 'v9',
      token: 'v10',
      accessToken: 'v11',
      access_token: 'v12',
      refresh_token: 'v13',
      nested: { headers: { authorization: 'Bearer v14' }, kept: 'visible' },
    };
    logger.debug('secrets', meta);
    const [line] = parsed();
    for (const key of Object.keys(meta).filter((k) => k !== 'nested')) expect(line![key]).toBe('[redacted]');
    for (let i = 1; i <= 14; i++) expect(text()).not.toMatch(new RegExp(`\\bv${i}\\b`));
    expect(line!.nested).toEqual({ headers: { authorization: '[redacted]' }, kept: 'visible' });
  });

  it.each([
    ['tokenUrl', false],
    ['token_url', false],
    ['authorizationUri', false],
    ['tokenRequests', false],
    ['retryAfterMs', false],
    ['secret', true],
    ['OFFICERND_CLIENT_SECRET', true],
    ['Token', true],
    ['bearerToken', true],
    ['apikey', true],
  ])('isSecretKey(%s) is %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it('scrubs registered secrets from messages and values, also where JSON quoting would escape them', () => {
    const quoted = 'pa"ss\\word';
    const { logger, text, parsed } = collect('debug', ['sk-live-12345', quoted, 'abc']);
    logger.warn('refused client secret sk-live-12345', {
      detail: 'upstream said: sk-live-12345 is wrong',
      body: { echoed: 'sk-live-12345' },
      error: new Error(`bad ${quoted}`),
      quoted: `x ${quoted} y`,
      short: 'abc',
    });
    const line = text();
    expect(line).not.toContain('sk-live-12345');
    expect(line).not.toContain('ss\\\\word');
    expect(line).not.toContain('ss\\word');
    expect(parsed()[0]).toMatchObject({
      msg: 'refused client secret [redacted]',
      detail: 'upstream said: [redacted] is wrong',
      body: { echoed: '[redacted]' },
      error: 'bad [redacted]',
      quoted: 'x [redacted] y',
      // Secrets shorter than four characters are not registered (they would redact ordinary words).
      short: 'abc',
    });
  });

  it('scrubs a secret in its URL-encoded and base64 spellings too', () => {
    const secret = 'sk+live/12 34=';
    const { logger, text } = collect('debug', [secret]);
    logger.warn('echoed', {
      query: `client_secret=${encodeURIComponent(secret)}`,
      form: `client_secret=${encodeURIComponent(secret).replace(/%20/g, '+')}`,
      basic: `Basic ${Buffer.from(secret).toString('base64')}`,
    });
    const line = text();
    expect(line).not.toContain(encodeURIComponent(secret));
    expect(line).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
    expect(line.match(/\[redacted\]/g)).toHaveLength(3);
  });

  it('writes only levels at or above the threshold, each with its level', () => {
    const { logger, lines, parsed } = collect('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e', { code: 'X' });
    expect(lines.map((l) => l.level)).toEqual(['warn', 'error']);
    expect(parsed()).toEqual([
      { level: 'warn', time: AT.toISOString(), msg: 'w' },
      { level: 'error', time: AT.toISOString(), msg: 'e', code: 'X' },
    ]);
    const quiet = collect('error');
    quiet.logger.warn('w');
    expect(quiet.lines).toEqual([]);
  });
});
