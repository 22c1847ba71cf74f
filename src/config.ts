/**
 * Configuration: read from the environment once, at start-up, and validated in one place.
 * Modules never read `process.env`; they get the parts of `Config` they need as arguments.
 * The variable names are a public contract: outside tools drive the gateway with them.
 */

import { isIP } from 'node:net';
import { isTimeZone, WEEKDAYS, type Weekday } from './dates/selection.ts';
import { DEFAULT_MAX_CONCURRENCY } from './officernd/client.ts';
import { DEFAULT_MAX_UPSTREAM_RESPONSE_BYTES } from './officernd/collections.ts';
import { apiVersionOf, type OfficeRnDApiVersion, V2_DEFAULT_SCOPE } from './officernd/v2.ts';
import type { V1PopulateMode } from './simulator/model.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * SIMULATOR_V1_POPULATE's values: the simulator's modes (simulator/model.ts V1_POPULATE_MODES; test/config.test.ts
 * holds the two lists equal), written here so that the configuration loads no simulator code with credentials.
 */
const V1_POPULATE_SETTINGS = ['honoured', 'ignored', 'refused'] as const satisfies readonly V1PopulateMode[];

export interface Config {
  /** `simulator` when no OfficeRnD credentials are set: the built-in simulator answers in-process. */
  mode: 'simulator' | 'officernd';
  officernd: {
    org: string;
    apiUrl: string;
    /** Which OfficeRnD API `apiUrl` serves (OFFICERND_API_VERSION; default from the URL's path). */
    apiVersion: OfficeRnDApiVersion;
    tokenUrl: string;
    scope: string;
    clientId: string | null;
    clientSecret: string | null;
  };
  /**
   * The built-in simulator; `v1Filters` is its treatment of v1 filters without public evidence (§4); `v1Populate`
   * its treatment of v1 `$populate` (§2, §4: honoured, ignored, or refused with a 400);
   * `activitySeconds`: how often the demo makes a change (a booking), sent as a signed webhook to the gateway; 0 = never.
   */
  simulator: {
    seed: number;
    scale: number;
    years: number;
    v1Filters: 'documented' | 'all' | 'strict';
    v1Populate: V1PopulateMode;
    activitySeconds: number;
  };
  /** How the gateway talks to OfficeRnD (client-side limits stay below the documented ones, §5). */
  upstream: {
    maxConcurrency: number;
    maxRequestsPerMinute: number;
    timeoutMs: number;
    /** Total time one GraphQL request or export may spend waiting on OfficeRnD, retries included. */
    requestBudgetMs: number;
    /** Largest OfficeRnD answer, compressed and decompressed (MAX_UPSTREAM_RESPONSE_BYTES). */
    maxResponseBytes: number;
    /** Most OfficeRnD calls one GraphQL request may start, retries included (MAX_UPSTREAM_CALLS_PER_REQUEST). */
    maxCallsPerRequest: number;
    /**
     * Share of maxRequestsPerMinute one API key may start in a minute: 1 (everything) without keys or with one
     * key, KEY_SHARE with two or more, so that one key's heavy queries leave the rest of the minute to the others.
     */
    keyShare: number;
    /** Learn every collection's size at start-up, in the background (LEARN_COLLECTION_SIZES). */
    learnSizes: boolean;
  };
  /** Defaults of date selection (`dates`, `dateField`). */
  dates: { timeZone: string; weekStartsOn: Weekday };
  security: {
    /** When non-empty, every GraphQL and report request needs one of these keys. */
    apiKeys: string[];
    /** Allowed CORS origins; empty = CORS off, ['*'] = any. */
    corsOrigins: string[];
    graphiql: boolean;
    introspection: boolean;
    maxBodyBytes: number;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    /**
     * GraphQL requests and exports one caller (its API key, else its address) may send a minute; 0 = no limit
     * (MAX_REQUESTS_PER_MINUTE_PER_CALLER, security/rate-limit.ts).
     */
    maxRequestsPerMinutePerCaller: number;
    /**
     * Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For names the caller's address for that limit
     * (TRUSTED_PROXIES); empty: the connection's address is the caller's.
     */
    trustedProxies: string[];
  };
  /** Response cache of GraphQL answers and exports (issue 17); seconds. */
  cache: CacheSettings;
  /** OfficeRnD webhooks at POST /webhooks/officernd (§8a); off while the secret is unset. */
  webhooks: { secret: string | null };
  /** Automatic persisted queries and the trusted-documents allow-list. */
  persisted: { trustedDocuments: string | null; trustedOnly: boolean };
  /** Shared state of several replicas; null = each process keeps its own (the default). */
  redis: { url: string | null; timeoutMs: number };
  production: boolean;
  port: number;
  /** Node HTTP server limits against slow or greedy clients (src/ops/http-server.ts). */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; maxConnections: number };
  /** How long SIGTERM waits for the requests and exports in flight before it cuts them (exit code 1). */
  shutdownTimeoutMs: number;
  /** OpenTelemetry: traces go to `endpoint` (OTLP over HTTP) when it is set. */
  tracing: { endpoint: string | null; serviceName: string };
  /** Serve /metrics on this port (no API key) instead of on `port` behind the API keys; null: on `port`. */
  metricsPort: number | null;
  host: string;
  logLevel: LogLevel;
}

// Days of the week and time zones are date facts (dates/ is pure and imports nothing of the configuration).
export { isTimeZone, WEEKDAYS, type Weekday } from './dates/selection.ts';

export interface CacheSettings {
  enabled: boolean;
  /** Offices, floors, resource types, plans, rates. */
  ttlLongS: number;
  /** Bookings, occurrences, check-ins, payments, charges, credits. */
  ttlShortS: number;
  /** Every other type. */
  ttlDefaultS: number;
  /** Cached answers kept per process (least recently used go first). */
  maxEntries: number;
  /** Exports larger than this stream through uncached. */
  exportMaxBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_API_URL = 'https://app.officernd.com/api/v1';
/** §2: the Flex API (v2) root, the default API URL when OFFICERND_API_VERSION=v2. */
const DEFAULT_API_V2_URL = 'https://app.officernd.com/api/v2';

/**
 * Default of MAX_UPSTREAM_CALLS_PER_REQUEST: half a minute of the default budget (300 a minute), so no request
 * takes the whole minute; the four canonical queries make 38, 32, 94 and 35 calls.
 */
const DEFAULT_MAX_UPSTREAM_CALLS_PER_REQUEST = 150;
/**
 * Default of MAX_REQUESTS_PER_MINUTE_PER_CALLER: 10 a second, sustained for a minute. A dashboard refreshing eight
 * panels every 5 s sends 96 a minute, GraphiQL one per run; a client spinning on refusals sends thousands a second.
 */
const DEFAULT_MAX_REQUESTS_PER_MINUTE_PER_CALLER = 600;
/** With two or more API keys, one key may start at most this share of the minute's upstream budget. */
const KEY_SHARE = 0.5;
/**
 * Default of MAX_COST: the OfficeRnD calls the budget can start within one request's deadline,
 * UPSTREAM_MAX_REQUESTS_PER_MINUTE × REQUEST_BUDGET_MS / 1 minute (300 with the defaults). The cost is at least the
 * calls a query makes (security/cost.ts), so a query costed above it could not be served in time even with the
 * budget to itself; collection sizes are learnt at start-up (and for a query that needs them), so ordinary queries
 * are costed near their calls (the dashboard example: 37 for 37 calls).
 */
export function defaultMaxCost(maxRequestsPerMinute: number, requestBudgetMs: number): number {
  return Math.max(10, Math.floor((maxRequestsPerMinute * requestBudgetMs) / 60_000));
}
/** Share of UPSTREAM_MAX_REQUESTS_PER_MINUTE the background learning of collection sizes may use. */
const LEARNING_SHARE = 0.2;
/** The pause between two pages of the background learning of sizes: LEARNING_SHARE of the budget at most. */
export const learningPauseMs = (maxRequestsPerMinute: number): number =>
  Math.ceil(60_000 / Math.max(1, maxRequestsPerMinute * LEARNING_SHARE));
// The client's default (officernd/collections.ts): the client imports nothing from the configuration.
export { DEFAULT_MAX_UPSTREAM_RESPONSE_BYTES } from './officernd/collections.ts';
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
    problems.push(
      'OFFICERND_ORG is not set: the organization slug is required with credentials (the part after /organizations/ in your API URL)',
    );
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
  const versionRaw = get('OFFICERND_API_VERSION')?.toLowerCase();
  if (versionRaw !== undefined && versionRaw !== 'v1' && versionRaw !== 'v2') {
    problems.push(`OFFICERND_API_VERSION must be v1 or v2, got "${get('OFFICERND_API_VERSION')}"`);
  }
  const asked = versionRaw === 'v1' || versionRaw === 'v2' ? versionRaw : undefined;
  const apiUrl = url('OFFICERND_API_URL', asked === 'v2' ? DEFAULT_API_V2_URL : DEFAULT_API_URL);
  const apiVersion = asked ?? apiVersionOf(apiUrl);
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
  const otlpEndpoint = get('OTEL_EXPORTER_OTLP_ENDPOINT') === undefined ? null : url('OTEL_EXPORTER_OTLP_ENDPOINT', '');
  const tracing = { endpoint: otlpEndpoint, serviceName: get('OTEL_SERVICE_NAME') ?? 'officernd-graphql' };
  const shutdownTimeoutMs = integer('SHUTDOWN_TIMEOUT_MS', 25_000, 0, 3_600_000);
  const http = {
    headersTimeoutMs: integer('HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    maxConnections: integer('MAX_CONNECTIONS', 1_000, 1, 1_000_000),
  };
  if (http.headersTimeoutMs > http.requestTimeoutMs) {
    problems.push(
      `HEADERS_TIMEOUT_MS (${http.headersTimeoutMs}) must not be above REQUEST_TIMEOUT_MS (${http.requestTimeoutMs})`,
    );
  }
  const metricsPortRaw = get('METRICS_PORT');
  const metricsPort = metricsPortRaw === undefined ? null : integer('METRICS_PORT', 0, 0, 65535);
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

  const yearsRaw = get('SIMULATOR_YEARS');
  const years = yearsRaw === undefined ? 1 : Number(yearsRaw);
  if (!Number.isFinite(years) || years <= 0 || years > 10) {
    problems.push(`SIMULATOR_YEARS must be a number above 0 and at most 10, got "${yearsRaw}"`);
  }
  const v1Filters = (get('SIMULATOR_V1_FILTERS') ?? 'all').toLowerCase() as Config['simulator']['v1Filters'];
  if (!['documented', 'all', 'strict'].includes(v1Filters)) {
    problems.push(`SIMULATOR_V1_FILTERS must be one of documented, all, strict, got "${get('SIMULATOR_V1_FILTERS')}"`);
  }
  const v1Populate = (get('SIMULATOR_V1_POPULATE') ?? 'honoured').toLowerCase() as V1PopulateMode;
  if (!(V1_POPULATE_SETTINGS as readonly string[]).includes(v1Populate)) {
    problems.push(
      `SIMULATOR_V1_POPULATE must be one of ${V1_POPULATE_SETTINGS.join(', ')}, got "${get('SIMULATOR_V1_POPULATE')}"`,
    );
  }

  const activitySeconds = integer('SIMULATOR_ACTIVITY_SECONDS', 20, 0, 86_400);

  const upstream = {
    maxConcurrency: integer('UPSTREAM_MAX_CONCURRENCY', DEFAULT_MAX_CONCURRENCY, 1, 64),
    maxRequestsPerMinute: integer('UPSTREAM_MAX_REQUESTS_PER_MINUTE', 300, 1, 100_000),
    timeoutMs: integer('UPSTREAM_TIMEOUT_MS', 30_000, 100, 600_000),
    requestBudgetMs: integer('REQUEST_BUDGET_MS', 60_000, 100, 3_600_000),
    maxResponseBytes: integer(
      'MAX_UPSTREAM_RESPONSE_BYTES',
      DEFAULT_MAX_UPSTREAM_RESPONSE_BYTES,
      65_536,
      1_073_741_824,
    ),
    maxCallsPerRequest: integer('MAX_UPSTREAM_CALLS_PER_REQUEST', DEFAULT_MAX_UPSTREAM_CALLS_PER_REQUEST, 1, 1_000_000),
    keyShare: 1,
    learnSizes: true,
  };

  const timeZone = get('DEFAULT_TIME_ZONE') ?? 'UTC';
  if (!isTimeZone(timeZone))
    problems.push(`DEFAULT_TIME_ZONE must be an IANA time zone such as Europe/London, got "${timeZone}"`);
  const weekStartsOn = (get('DEFAULT_WEEK_STARTS_ON') ?? 'MONDAY').toUpperCase() as Weekday;
  if (!WEEKDAYS.includes(weekStartsOn)) {
    problems.push(
      `DEFAULT_WEEK_STARTS_ON must be one of ${WEEKDAYS.join(', ')}, got "${get('DEFAULT_WEEK_STARTS_ON')}"`,
    );
  }

  const list = (name: string): string[] =>
    (get(name) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  const production = get('NODE_ENV') === 'production';
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = get(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false, got "${get(name)}"`);
    return fallback;
  };
  const apiKeys = list('GATEWAY_API_KEYS');
  if (apiKeys.some((key) => key.length < 16))
    problems.push('GATEWAY_API_KEYS: every key must be at least 16 characters long');
  const trustedProxies = list('TRUSTED_PROXIES');
  for (const entry of trustedProxies) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const width = family === 6 ? 128 : 32;
    if (family === 0 || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= width)))
      problems.push(`TRUSTED_PROXIES must list IP addresses or CIDR ranges (10.0.0.0/8), got "${entry}"`);
  }
  const security = {
    apiKeys,
    corsOrigins: list('CORS_ORIGINS'),
    graphiql: flag('GRAPHIQL', !production),
    introspection: flag('INTROSPECTION', !production),
    maxBodyBytes: integer('MAX_BODY_BYTES', 100_000, 1_000, 10_000_000),
    maxDepth: integer('MAX_DEPTH', 12, 2, 100),
    maxAliases: integer('MAX_ALIASES', 30, 1, 1_000),
    maxCost: integer(
      'MAX_COST',
      defaultMaxCost(upstream.maxRequestsPerMinute, upstream.requestBudgetMs),
      10,
      10_000_000,
    ),
    maxRequestsPerMinutePerCaller: integer(
      'MAX_REQUESTS_PER_MINUTE_PER_CALLER',
      DEFAULT_MAX_REQUESTS_PER_MINUTE_PER_CALLER,
      0,
      1_000_000,
    ),
    trustedProxies,
  };
  upstream.keyShare = apiKeys.length >= 2 ? KEY_SHARE : 1;
  upstream.learnSizes = flag('LEARN_COLLECTION_SIZES', true);

  const cache: CacheSettings = {
    enabled: flag('RESPONSE_CACHE', false),
    ttlLongS: integer('RESPONSE_CACHE_TTL_LONG', 600, 0, 86_400),
    ttlShortS: integer('RESPONSE_CACHE_TTL_SHORT', 30, 0, 86_400),
    ttlDefaultS: integer('RESPONSE_CACHE_TTL', 120, 0, 86_400),
    maxEntries: integer('RESPONSE_CACHE_MAX_ENTRIES', 1_000, 1, 1_000_000),
    exportMaxBytes: integer('RESPONSE_CACHE_EXPORT_MAX_BYTES', 8_000_000, 0, 1_000_000_000),
  };
  const webhookSecret = get('OFFICERND_WEBHOOK_SECRET') ?? null;
  const persisted = {
    trustedDocuments: get('TRUSTED_DOCUMENTS') ?? null,
    trustedOnly: flag('TRUSTED_DOCUMENTS_ONLY', false),
  };
  const redisUrl = get('REDIS_URL') ?? null;
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl))
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  const redis = { url: redisUrl, timeoutMs: integer('REDIS_TIMEOUT_MS', 250, 10, 60_000) };

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode,
    officernd: {
      org: org ?? 'demo',
      apiUrl,
      apiVersion,
      tokenUrl,
      // §1: v1 takes the legacy read scope; v2 the flex read scope of every endpoint the reports read.
      scope: get('OFFICERND_SCOPE') ?? (apiVersion === 'v2' ? V2_DEFAULT_SCOPE : 'officernd.api.read'),
      clientId,
      clientSecret,
    },
    simulator: { seed, scale, years, v1Filters, v1Populate, activitySeconds },
    upstream,
    dates: { timeZone, weekStartsOn },
    security,
    cache,
    webhooks: { secret: webhookSecret },
    persisted,
    redis,
    production,
    port,
    metricsPort,
    tracing,
    shutdownTimeoutMs,
    http,
    host,
    logLevel,
  };
}

/** The parts of the configuration the gateway itself uses. */
export type GatewaySettings = Pick<Config, 'security' | 'dates' | 'upstream' | 'webhooks' | 'cache' | 'persisted'>;

/** The gateway's settings when none are given: what an empty environment means (development: open, GraphiQL on). */
export const DEFAULT_GATEWAY_SETTINGS: Readonly<GatewaySettings> = Object.freeze(
  (({ security, dates, upstream, webhooks, cache, persisted }: Config): GatewaySettings => ({
    security,
    dates,
    upstream,
    webhooks,
    cache,
    persisted,
  }))(loadConfig({})),
);
