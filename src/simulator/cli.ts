/**
 * `npm run simulator -- --port 4010 --latency 30 …`: serves the simulator on a loopback port and
 * logs one line per request. Invalid flags print a message and exit with code 2.
 */

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FaultOptions } from './faults.ts';
import { V1_COLLECTIONS, V1_FILTER_MODES, V1_POPULATE_MODES, type V1FilterMode, type V1PopulateMode } from './model.ts';
import type { RequestLogEntry } from './request-log.ts';
import { createSimulator, DEFAULT_CLIENT, type SimulatorOptions } from './server.ts';

export interface CliConfig {
  port: number;
  host: string;
  quiet: boolean;
  simulator: SimulatorOptions;
  /** Seconds between demo changes (a member touched, a signed `member.updated` sent); null = none. */
  touchEverySeconds: number | null;
}

export const USAGE = `Usage: npm run simulator -- [options]
  --port <n>              port to listen on (default 4010; 0 = any free port)
  --host <addr>           interface (default 127.0.0.1)
  --org <slug>            organization slug (default demo)
  --seed <n>              data seed (default 42)
  --scale <x>             data scale (default 1)
  --years <x>             years of booking history (default 1; --scale 3.2 --years 2 ≈ 51,200 bookings)
  --v1-filters <mode>     undocumented v1 filters: all (applied, default), documented (ignored,
                          and false booking flags omitted on about half), strict (400)
  --v1-populate <mode>    v1 $populate: honoured (default), ignored (bare ids), refused (400)
  --latency <ms>          added to every response
  --jitter <ms>           extra random delay in [0, ms)
  --error-rate <0..1>     fraction of API requests answered 500/502/503
  --rate-limit <n>        API requests per minute; beyond it 429 + Retry-After
  --token-rate-limit <n>  token requests per minute (default 5)
  --v2-rate-limit <n>     v2 reads per minute behind x-ratelimit-* and 429 (default 10000)
  --drop-rate <0..1>      fraction of connections dropped without a response
  --token-ttl <s>         token lifetime in seconds (default 3600)
  --client-id <id>        OAuth client id (default demo-client)
  --client-secret <s>     OAuth client secret (default demo-secret)
  --webhook-url <url>     POST signed webhooks (officernd-signature) here when data changes
  --webhook-secret <s>    the webhook signing secret (required with --webhook-url; never printed)
  --touch-every <s>       demo: every s seconds a member changes (modifiedAt) and a member.updated is sent
  --quiet                 do not log requests
  --help                  show this help`;

/** A flag problem: printed with the usage, exit code 2. */
export class CliUsageError extends Error {}

function number(
  flag: string,
  raw: string | undefined,
  check: (n: number) => boolean,
  rule: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new CliUsageError(`--${flag} must be ${rule}, got "${raw}"`);
  return value;
}

const isInt = (n: number): boolean => Number.isInteger(n);

/** Parses CLI flags into simulator options; throws CliUsageError on anything invalid. */
export function parseCliArgs(argv: readonly string[]): CliConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        org: { type: 'string' },
        seed: { type: 'string' },
        scale: { type: 'string' },
        years: { type: 'string' },
        'v1-filters': { type: 'string' },
        'v1-populate': { type: 'string' },
        latency: { type: 'string' },
        jitter: { type: 'string' },
        'error-rate': { type: 'string' },
        'rate-limit': { type: 'string' },
        'token-rate-limit': { type: 'string' },
        'v2-rate-limit': { type: 'string' },
        'drop-rate': { type: 'string' },
        'token-ttl': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        'touch-every': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';

  const fraction = (n: number): boolean => n >= 0 && n <= 1;
  const nonNegative = (n: number): boolean => n >= 0;
  const port = number('port', values.port, (n) => isInt(n) && n >= 0 && n <= 65535, 'an integer 0-65535') ?? 4010;
  const rateLimit = number('rate-limit', values['rate-limit'], (n) => isInt(n) && n > 0, 'a positive integer');
  const v2PerMinute = number('v2-rate-limit', values['v2-rate-limit'], (n) => isInt(n) && n > 0, 'a positive integer');
  const faults: FaultOptions = {
    latencyMs: number('latency', values.latency, nonNegative, 'a number >= 0'),
    jitterMs: number('jitter', values.jitter, nonNegative, 'a number >= 0'),
    errorRate: number('error-rate', values['error-rate'], fraction, 'between 0 and 1'),
    dropRate: number('drop-rate', values['drop-rate'], fraction, 'between 0 and 1'),
    tokenRateLimitPerMinute: number(
      'token-rate-limit',
      values['token-rate-limit'],
      (n) => isInt(n) && n > 0,
      'a positive integer',
    ),
    ...(rateLimit === undefined ? {} : { rateLimit: { requests: rateLimit, windowMs: 60_000 } }),
  };
  const v1Filters = (values['v1-filters'] ?? 'all') as V1FilterMode;
  if (!V1_FILTER_MODES.includes(v1Filters)) {
    throw new CliUsageError(`--v1-filters must be one of ${V1_FILTER_MODES.join(', ')}, got "${values['v1-filters']}"`);
  }
  const v1Populate = (values['v1-populate'] ?? 'honoured') as V1PopulateMode;
  if (!V1_POPULATE_MODES.includes(v1Populate)) {
    throw new CliUsageError(
      `--v1-populate must be one of ${V1_POPULATE_MODES.join(', ')}, got "${values['v1-populate']}"`,
    );
  }
  const webhookUrl = values['webhook-url'];
  const webhookSecret = values['webhook-secret'];
  if ((webhookUrl === undefined) !== (webhookSecret === undefined))
    throw new CliUsageError('--webhook-url and --webhook-secret go together');
  if (webhookUrl !== undefined && !/^https?:\/\/\S+$/.test(webhookUrl))
    throw new CliUsageError(`--webhook-url must be an http(s) URL, got "${webhookUrl}"`);
  const touchEverySeconds = number('touch-every', values['touch-every'], (n) => n > 0, 'a number > 0') ?? null;
  const org = values.org ?? 'demo';
  if (!/^[\w-]+$/.test(org)) throw new CliUsageError(`--org must be a slug, got "${org}"`);
  return {
    port,
    host: values.host ?? '127.0.0.1',
    quiet: values.quiet ?? false,
    touchEverySeconds,
    simulator: {
      org,
      seed: number('seed', values.seed, isInt, 'an integer') ?? 42,
      scale: number('scale', values.scale, (n) => n > 0, 'a number > 0') ?? 1,
      years: number('years', values.years, (n) => n > 0 && n <= 10, 'a number above 0 and at most 10') ?? 1,
      v1Filters,
      v1Populate,
      ...(v2PerMinute === undefined ? {} : { v2RateLimit: { perMinute: v2PerMinute } }),
      ...(webhookUrl !== undefined && webhookSecret !== undefined
        ? { webhooks: { url: webhookUrl, secret: webhookSecret } }
        : {}),
      tokenTtlSeconds: number('token-ttl', values['token-ttl'], (n) => isInt(n) && n >= 2, 'an integer >= 2') ?? 3600,
      clients: [
        {
          clientId: values['client-id'] ?? DEFAULT_CLIENT.clientId,
          clientSecret: values['client-secret'] ?? DEFAULT_CLIENT.clientSecret,
          scopes: DEFAULT_CLIENT.scopes ?? [],
        },
      ],
      faults,
    },
  };
}

/** One log line per request: method, path with query, status, milliseconds. */
export function formatRequest(entry: RequestLogEntry): string {
  const query = new URLSearchParams(entry.query).toString();
  const status = entry.status === 0 ? 'DROPPED' : String(entry.status);
  return `${entry.method} ${entry.path}${query ? `?${query}` : ''} ${status} ${entry.durationMs.toFixed(1)}ms`;
}

async function main(argv: readonly string[]): Promise<void> {
  let config;
  try {
    config = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const quiet = config.quiet;
  const sim = createSimulator({
    ...config.simulator,
    onRequest: quiet ? undefined : (entry) => process.stdout.write(`${formatRequest(entry)}\n`),
  });
  const server = await sim.listen(config.port, config.host);
  const client = config.simulator.clients?.[0] ?? DEFAULT_CLIENT;
  // The demo secret is public test data; a secret given on the command line is never echoed.
  const secret =
    client.clientSecret === DEFAULT_CLIENT.clientSecret
      ? `${client.clientSecret} (the public demo secret)`
      : '(as given)';
  const sizes = V1_COLLECTIONS.map((c) => `${c} ${sim.dataset.collections[c].length}`).join(', ');
  const faults = Object.entries(config.simulator.faults ?? {}).filter(([, v]) => v !== undefined);
  process.stdout.write(
    [
      `OfficeRnD simulator listening on ${server.origin}`,
      `  API:         ${server.apiUrl}/organizations/${sim.org}`,
      `  API v2:      ${server.apiV2Url}/organizations/${sim.org}`,
      `  Token:       ${server.tokenUrl}`,
      `  Org:         ${sim.org} (seed ${config.simulator.seed}, scale ${config.simulator.scale}, ${config.simulator.years} year(s), v1 filters ${sim.v1Filters}, v1 $populate ${sim.v1Populate})`,
      `  Client id:   ${client.clientId}`,
      `  Secret:      ${secret}`,
      `  Faults:      ${faults.length ? faults.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ') : 'none'}`,
      `  Webhooks:    ${config.simulator.webhooks ? `${config.simulator.webhooks.url} (secret as given)` : 'none'}`,
      `  Collections: ${sizes}`,
      '',
    ].join('\n'),
  );
  // Demo changes: the oldest-touched member each time, so every tick is a real change with a new modifiedAt.
  let touched = 0;
  const timer =
    config.touchEverySeconds === null
      ? null
      : setInterval(() => {
          const members = sim.dataset.collections.members;
          const member = members[touched++ % members.length];
          if (!member) return;
          void sim.update('members', member._id, {}).then((delivery) => {
            if (!quiet && delivery)
              process.stdout.write(`WEBHOOK ${delivery.eventType} ${member._id} ${delivery.status || 'FAILED'}\n`);
          });
        }, config.touchEverySeconds * 1000);
  const stop = (): void => {
    if (timer) clearInterval(timer);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
