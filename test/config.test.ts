import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_API_URL, DEFAULT_TOKEN_URL, loadConfig } from '../src/config.ts';

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
    expect(problemsOf({ OFFICERND_CLIENT_ID: 'id', OFFICERND_ORG: 'acme' }).join()).toMatch(/OFFICERND_CLIENT_SECRET is not set/);
    expect(problemsOf({ OFFICERND_CLIENT_SECRET: 'x', OFFICERND_ORG: 'acme' }).join()).toMatch(/OFFICERND_CLIENT_ID is not set/);
  });

  it('requires an org with credentials', () => {
    expect(problemsOf({ OFFICERND_CLIENT_ID: 'id', OFFICERND_CLIENT_SECRET: 's3cr3t-value' }).join()).toMatch(/OFFICERND_ORG/);
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
