import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_API_URL, DEFAULT_TOKEN_URL, loadConfig } from '../src/config.ts';
import { V1_POPULATE_MODES } from '../src/simulator/index.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('runs on the simulator with the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('simulator');
    expect(config.officernd).toMatchObject({
      org: 'demo',
      apiUrl: DEFAULT_API_URL,
      tokenUrl: DEFAULT_TOKEN_URL,
      scope: 'officernd.api.read',
      clientId: null,
      clientSecret: null,
    });
    expect(config.port).toBe(4000);
    expect(config.host).toBe('localhost');
  });

  it('uses OfficeRnD when both credentials and an org are set, trimming trailing slashes', () => {
    const config = loadConfig({
      OFFICERND_CLIENT_ID: 'id',
      OFFICERND_CLIENT_SECRET: 'top-secret-value',
      OFFICERND_ORG: 'acme',
      OFFICERND_API_URL: 'http://127.0.0.1:9999/api/v1/',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config.mode).toBe('officernd');
    expect(config.officernd.apiUrl).toBe('http://127.0.0.1:9999/api/v1');
    expect(config.officernd.org).toBe('acme');
    expect(config.port).toBe(8080);
  });

  it('refuses only one of id and secret, naming the missing variable', () => {
    expect(problemsOf({ OFFICERND_CLIENT_ID: 'id', OFFICERND_ORG: 'acme' }).join()).toMatch(
      /OFFICERND_CLIENT_SECRET is not set/,
    );
    expect(problemsOf({ OFFICERND_CLIENT_SECRET: 'x', OFFICERND_ORG: 'acme' }).join()).toMatch(
      /OFFICERND_CLIENT_ID is not set/,
    );
  });

  it('requires an org with credentials', () => {
    expect(problemsOf({ OFFICERND_CLIENT_ID: 'id', OFFICERND_CLIENT_SECRET: 's3cr3t-value' }).join()).toMatch(
      /OFFICERND_ORG/,
    );
  });

  it.each([
    [{ OFFICERND_API_URL: 'not a url' }, /OFFICERND_API_URL is not a valid URL/],
    [{ OFFICERND_TOKEN_URL: 'ftp://x.test/token' }, /OFFICERND_TOKEN_URL must be an http\(s\) URL/],
    [{ OFFICERND_API_URL: 'https://user:pw@x.test/api' }, /must not carry credentials/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ OFFICERND_ORG: 'has space' }, /OFFICERND_ORG must be an organization slug/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ SIMULATOR_SCALE: '0' }, /SIMULATOR_SCALE/],
    [
      { SIMULATOR_V1_POPULATE: 'sometimes' },
      /SIMULATOR_V1_POPULATE must be one of honoured, ignored, refused, got "sometimes"/,
    ],
  ])('refuses %o', (env, message) => {
    expect(problemsOf(env as Record<string, string>).join('\n')).toMatch(message);
  });

  it('reports every problem at once and never prints the secret', () => {
    let message = '';
    try {
      loadConfig({ OFFICERND_CLIENT_SECRET: 'never-print-me', PORT: '-1', OFFICERND_API_URL: '::' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/OFFICERND_CLIENT_ID/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/OFFICERND_API_URL/);
    expect(message).not.toContain('never-print-me');
  });
});

describe('loadConfig: the built-in simulator', () => {
  it('reads how it answers v1 $populate: honoured by default, ignored or refused (any case)', () => {
    expect(loadConfig({}).simulator.v1Populate).toBe('honoured');
    expect(loadConfig({ SIMULATOR_V1_POPULATE: 'refused' }).simulator.v1Populate).toBe('refused');
    expect(loadConfig({ SIMULATOR_V1_POPULATE: 'Ignored' }).simulator.v1Populate).toBe('ignored');
    // Every mode of the simulator, and no other.
    for (const mode of V1_POPULATE_MODES)
      expect(loadConfig({ SIMULATOR_V1_POPULATE: mode }).simulator.v1Populate).toBe(mode);
    expect(problemsOf({ SIMULATOR_V1_POPULATE: 'x' }).join()).toContain(`one of ${V1_POPULATE_MODES.join(', ')},`);
  });
});

describe('loadConfig: OfficeRnD API version', () => {
  it('reads v1 by default, v2 from the URL path or OFFICERND_API_VERSION, with the scopes each needs', () => {
    expect(loadConfig({}).officernd).toMatchObject({ apiVersion: 'v1', scope: 'officernd.api.read' });
    const byUrl = loadConfig({ OFFICERND_API_URL: 'https://app.officernd.com/api/v2/' }).officernd;
    expect(byUrl).toMatchObject({ apiVersion: 'v2', apiUrl: 'https://app.officernd.com/api/v2' });
    expect(byUrl.scope.split(' ')).toContain('flex.billing.payments.read');
    expect(byUrl.scope.split(' ')).toHaveLength(19);
    expect(loadConfig({ OFFICERND_API_VERSION: 'v2' }).officernd).toMatchObject({
      apiVersion: 'v2',
      apiUrl: 'https://app.officernd.com/api/v2',
    });
    expect(
      loadConfig({ OFFICERND_API_VERSION: 'V2', OFFICERND_SCOPE: 'flex.community.members.read' }).officernd.scope,
    ).toBe('flex.community.members.read');
    expect(() => loadConfig({ OFFICERND_API_VERSION: 'v3' })).toThrow(
      /OFFICERND_API_VERSION must be v1 or v2, got "v3"/,
    );
  });
});

describe('loadConfig: upstream, security and production settings', () => {
  it('defaults to safe upstream limits below the documented ones and an open development gateway', () => {
    const config = loadConfig({});
    // §5: ≈400 reads a minute upstream; the client stays below.
    expect(config.upstream).toEqual({
      // Calls in flight only shape bursts (OfficeRnD documents a rate, §5): 16 is 5 % of the minute's budget.
      maxConcurrency: 16,
      maxRequestsPerMinute: 300,
      timeoutMs: 30_000,
      requestBudgetMs: 60_000,
      maxResponseBytes: 16 * 1024 * 1024,
      maxCallsPerRequest: 150,
      keyShare: 1,
      learnSizes: true,
    });
    expect(config.production).toBe(false);
    expect(config.security).toEqual({
      apiKeys: [],
      corsOrigins: [],
      graphiql: true,
      introspection: true,
      maxBodyBytes: 100_000,
      maxDepth: 12,
      maxAliases: 30,
      // What the budget can start within one request's deadline: 300 a minute × 60 s.
      maxCost: 300,
      // 10 a second for a minute: far above a dashboard's polling, far below a client spinning on refusals.
      maxRequestsPerMinutePerCaller: 600,
      trustedProxies: [],
    });
  });

  it('reads every limit', () => {
    const config = loadConfig({
      UPSTREAM_MAX_CONCURRENCY: '4',
      UPSTREAM_MAX_REQUESTS_PER_MINUTE: '120',
      UPSTREAM_TIMEOUT_MS: '5000',
      REQUEST_BUDGET_MS: '20000',
      MAX_UPSTREAM_RESPONSE_BYTES: '1000000',
      MAX_UPSTREAM_CALLS_PER_REQUEST: '40',
      GATEWAY_API_KEYS: 'first-key-0123456789,second-key-0123456789',
      MAX_BODY_BYTES: '20000',
      MAX_DEPTH: '8',
      MAX_ALIASES: '5',
      MAX_COST: '800',
      MAX_REQUESTS_PER_MINUTE_PER_CALLER: '120',
      LEARN_COLLECTION_SIZES: 'false',
    });
    expect(config.upstream).toEqual({
      maxConcurrency: 4,
      maxRequestsPerMinute: 120,
      timeoutMs: 5_000,
      requestBudgetMs: 20_000,
      maxResponseBytes: 1_000_000,
      maxCallsPerRequest: 40,
      // Two API keys: each may start half of the minute's budget.
      keyShare: 0.5,
      learnSizes: false,
    });
    expect(config.security).toMatchObject({
      maxBodyBytes: 20_000,
      maxDepth: 8,
      maxAliases: 5,
      maxCost: 800,
      maxRequestsPerMinutePerCaller: 120,
    });
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.4,fd00::/8' }).security.trustedProxies).toEqual([
      '10.0.0.0/8',
      '192.168.1.4',
      'fd00::/8',
    ]);
    // 0 turns the per-caller rate limit off.
    expect(loadConfig({ MAX_REQUESTS_PER_MINUTE_PER_CALLER: '0' }).security.maxRequestsPerMinutePerCaller).toBe(0);
  });

  it('turns GraphiQL and introspection off for NODE_ENV=production, unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      production: true,
      security: { graphiql: false, introspection: false },
    });
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'on', INTROSPECTION: 'true' }).security).toMatchObject({
      graphiql: true,
      introspection: true,
    });
    expect(loadConfig({ GRAPHIQL: 'false', INTROSPECTION: '0' }).security).toMatchObject({
      graphiql: false,
      introspection: false,
    });
  });

  it('splits API keys and CORS origins on commas, trimming blanks', () => {
    const config = loadConfig({
      GATEWAY_API_KEYS: ' key-number-one-0123456 ,, key-number-two-0123456 ',
      CORS_ORIGINS: 'https://a.example.com, https://b.example.com,',
    });
    expect(config.security.apiKeys).toEqual(['key-number-one-0123456', 'key-number-two-0123456']);
    expect(config.security.corsOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).security.corsOrigins).toEqual(['*']);
  });

  it('refuses API keys shorter than 16 characters without printing them', () => {
    const problems = problemsOf({ GATEWAY_API_KEYS: 'long-enough-key-0123,short-key' }).join('\n');
    expect(problems).toMatch(/GATEWAY_API_KEYS: every key must be at least 16 characters/);
    expect(problems).not.toContain('short-key');
    expect(problems).not.toContain('long-enough-key-0123');
  });

  it.each([
    [{ UPSTREAM_MAX_CONCURRENCY: '0' }, /UPSTREAM_MAX_CONCURRENCY must be a whole number from 1 to 64/],
    [{ UPSTREAM_MAX_REQUESTS_PER_MINUTE: '-5' }, /UPSTREAM_MAX_REQUESTS_PER_MINUTE must be a whole number/],
    [{ UPSTREAM_TIMEOUT_MS: '10' }, /UPSTREAM_TIMEOUT_MS must be a whole number from 100/],
    [{ REQUEST_BUDGET_MS: '1.5' }, /REQUEST_BUDGET_MS must be a whole number/],
    [{ MAX_BODY_BYTES: '999' }, /MAX_BODY_BYTES must be a whole number from 1000/],
    [{ MAX_DEPTH: '1' }, /MAX_DEPTH must be a whole number from 2 to 100/],
    [{ MAX_ALIASES: 'many' }, /MAX_ALIASES must be a whole number/],
    [{ MAX_COST: '5' }, /MAX_COST must be a whole number from 10/],
    [{ MAX_REQUESTS_PER_MINUTE_PER_CALLER: '-1' }, /MAX_REQUESTS_PER_MINUTE_PER_CALLER must be a whole number from 0/],
    [{ MAX_REQUESTS_PER_MINUTE_PER_CALLER: '10.5' }, /MAX_REQUESTS_PER_MINUTE_PER_CALLER must be a whole number/],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /TRUSTED_PROXIES must list IP addresses or CIDR ranges/],
    [{ TRUSTED_PROXIES: 'proxy.internal' }, /TRUSTED_PROXIES must list IP addresses or CIDR ranges/],
    [{ GRAPHIQL: 'maybe' }, /GRAPHIQL must be true or false/],
    [{ INTROSPECTION: 'sometimes' }, /INTROSPECTION must be true or false/],
  ])('refuses %o', (env, message) => {
    expect(problemsOf(env as Record<string, string>).join('\n')).toMatch(message);
  });
});
