/**
 * Configuration: read from the environment once, at start-up, and validated in one place.
 * Modules never read `process.env`; they get the parts of `Config` they need as arguments.
 * The variable names are a public contract: outside tools drive the gateway with them.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  /** `simulator` when no OfficeRnD credentials are set: the built-in simulator answers in-process. */
  mode: 'simulator' | 'officernd';
  officernd: {
    org: string;
    apiUrl: string;
    tokenUrl: string;
    scope: string;
    clientId: string | null;
    clientSecret: string | null;
  };
  simulator: { seed: number; scale: number };
  port: number;
  host: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_API_URL = 'https://app.officernd.com/api/v1';
export const DEFAULT_TOKEN_URL = 'https://identity.officernd.com/oauth/token';

type Env = Record<string, string | undefined>;

const SLUG = /^[a-z0-9][a-z0-9_-]*$/i;
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const clientId = get('OFFICERND_CLIENT_ID') ?? null;
  const clientSecret = get('OFFICERND_CLIENT_SECRET') ?? null;
  if ((clientId === null) !== (clientSecret === null)) {
    const missing = clientId === null ? 'OFFICERND_CLIENT_ID' : 'OFFICERND_CLIENT_SECRET';
    problems.push(
      `${missing} is not set: set both OFFICERND_CLIENT_ID and OFFICERND_CLIENT_SECRET, or neither to use the built-in simulator`,
    );
  }
  const mode = clientId !== null && clientSecret !== null ? 'officernd' : 'simulator';

  const org = get('OFFICERND_ORG') ?? (mode === 'simulator' ? 'demo' : undefined);
  if (org === undefined) {
    problems.push('OFFICERND_ORG is not set: the organization slug is required with credentials (the part after /organizations/ in your API URL)');
  } else if (!SLUG.test(org)) {
    problems.push(`OFFICERND_ORG must be an organization slug (letters, digits, - and _), got "${org}"`);
  }

  const url = (name: string, fallback: string): string => {
    const value = get(name) ?? fallback;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      problems.push(`${name} is not a valid URL: "${value}"`);
      return fallback;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      problems.push(`${name} must be an http(s) URL, got "${value}"`);
    }
    if (parsed.username || parsed.password) {
      problems.push(`${name} must not carry credentials in the URL`);
    }
    return value.replace(/\/+$/, '');
  };
  const apiUrl = url('OFFICERND_API_URL', DEFAULT_API_URL);
  const tokenUrl = url('OFFICERND_TOKEN_URL', DEFAULT_TOKEN_URL);

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const port = integer('PORT', 4000, 0, 65535);
  const host = get('HOST') ?? 'localhost';

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${get('LOG_LEVEL')}"`);
  }

  const seed = integer('SIMULATOR_SEED', 42, 0, 2 ** 31 - 1);
  const scaleRaw = get('SIMULATOR_SCALE');
  const scale = scaleRaw === undefined ? 1 : Number(scaleRaw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 50) {
    problems.push(`SIMULATOR_SCALE must be a number above 0 and at most 50, got "${scaleRaw}"`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode,
    officernd: {
      org: org ?? 'demo',
      apiUrl,
      tokenUrl,
      scope: get('OFFICERND_SCOPE') ?? 'officernd.api.read',
      clientId,
      clientSecret,
    },
    simulator: { seed, scale },
    port,
    host,
    logLevel,
  };
}
