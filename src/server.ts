import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { ConfigError, learningPauseMs, loadConfig } from './config.ts';
import { MAX_WALK_ITEMS } from './core/limits.ts';
import { createGateway } from './gateway.ts';
import { createCollectionSizes, createSizeLearner } from './loaders/collection-sizes.ts';
import { createLogger } from './logger.ts';
import { createOfficeRnDClient } from './officernd/index.ts';
import { createHttpServer } from './ops/http-server.ts';
import { createMetrics, createOps, createReadiness, createTracing, METRICS_ENDPOINT } from './ops/index.ts';
import { createSharedState, redisSecrets, registerSharedStateMetrics } from './shared-state/index.ts';
import { startDemoActivity } from './dashboard/demo-activity.ts';

// The only module with process side effects: config → client → gateway → listen.
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

/** pino-pretty (a development dependency) for a person at a terminal; JSON lines for everything else. */
async function terminalOutput(): Promise<{ write(line: string): unknown } | undefined> {
  if (!process.stdout.isTTY) return undefined;
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

const destination = await terminalOutput();
// The demo (no credentials) drives the live dashboard: the embedded simulator signs its webhooks with this secret and
// delivers them to the gateway's own endpoint (OFFICERND_WEBHOOK_SECRET when set, else one made for this process).
const demoWebhookSecret =
  config.mode === 'simulator' ? (config.webhooks.secret ?? randomBytes(32).toString('hex')) : null;
const logger = createLogger({
  level: config.logLevel,
  secrets: [
    config.officernd.clientSecret ?? '',
    ...config.security.apiKeys,
    config.webhooks.secret ?? '',
    demoWebhookSecret ?? '',
    ...redisSecrets(config.redis.url),
  ],
  ...(destination ? { destination } : {}),
});
const metrics = createMetrics();
// The OpenTelemetry SDK is loaded only when traces have somewhere to go.
const tracing = config.tracing.endpoint
  ? await createTracing({
      endpoint: config.tracing.endpoint,
      serviceName: config.tracing.serviceName,
      upstreamHost: new URL(config.officernd.apiUrl).hostname,
    })
  : undefined;
if (tracing)
  logger.info('OpenTelemetry traces on', {
    endpoint: config.tracing.endpoint,
    serviceName: config.tracing.serviceName,
  });
const ops = createOps({ logger, metrics, ...(tracing ? { tracing } : {}) });

// Several replicas share their token, upstream budget, caches and webhook events through Redis (issue 17).
const shared = config.redis.url
  ? createSharedState({
      url: config.redis.url,
      timeoutMs: config.redis.timeoutMs,
      org: config.officernd.org,
      clientId: config.officernd.clientId ?? 'demo-client',
      maxRequestsPerMinute: config.upstream.maxRequestsPerMinute,
      maxConcurrency: config.upstream.maxConcurrency,
      tokenTimeoutMs: config.upstream.timeoutMs,
      logger,
    })
  : null;
if (shared) registerSharedStateMetrics(metrics.registry, shared);
const sharedClientOptions = shared ? { tokenStore: shared.tokenStore, upstreamGate: shared.upstreamGate } : {};

let officernd;
let stopDemoActivity: (() => void) | null = null;
/** Set once the gateway exists: where the demo's webhooks are delivered, in process. */
let deliverToGateway: ((request: Request) => Response | Promise<Response>) | null = null;
if (config.mode === 'simulator') {
  // Imported only here: with credentials the simulator and its data generator are never loaded.
  const { createSimulator } = await import('./simulator/index.ts');
  const simulator = createSimulator({
    org: config.officernd.org,
    seed: config.simulator.seed,
    scale: config.simulator.scale,
    years: config.simulator.years,
    v1Filters: config.simulator.v1Filters,
    v1Populate: config.simulator.v1Populate,
    ...(demoWebhookSecret
      ? {
          webhooks: {
            url: 'http://gateway.internal/webhooks/officernd',
            secret: demoWebhookSecret,
            fetch: async (input: string | URL | Request, init?: RequestInit) => {
              if (!deliverToGateway) return new Response(null, { status: 503 });
              return deliverToGateway(new Request(String(input), init));
            },
          },
        }
      : {}),
  });
  if (config.simulator.activitySeconds > 0) {
    stopDemoActivity = startDemoActivity(simulator, { everyMs: config.simulator.activitySeconds * 1000, logger });
    logger.info('Demo activity on: a simulator booking and its signed webhook every SIMULATOR_ACTIVITY_SECONDS', {
      seconds: config.simulator.activitySeconds,
    });
  }
  logger.info(
    'No OfficeRnD credentials configured (OFFICERND_CLIENT_ID/OFFICERND_CLIENT_SECRET): serving the built-in OfficeRnD simulator with seeded demo data',
    {
      org: simulator.org,
      apiVersion: config.officernd.apiVersion,
      seed: config.simulator.seed,
      scale: config.simulator.scale,
      years: config.simulator.years,
      v1Filters: config.simulator.v1Filters,
      v1Populate: config.simulator.v1Populate,
    },
  );
  officernd = createOfficeRnDClient({
    // OFFICERND_API_VERSION=v2 serves the simulator's Flex API.
    apiUrl: config.officernd.apiVersion === 'v2' ? simulator.apiV2Url : simulator.apiUrl,
    apiVersion: config.officernd.apiVersion,
    tokenUrl: simulator.tokenUrl,
    org: simulator.org,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scope: config.officernd.scope,
    fetch: simulator.fetch,
    logger,
    observe: ops.observeUpstream,
    ...config.upstream,
    ...sharedClientOptions,
  });
} else {
  logger.info('Using OfficeRnD', {
    org: config.officernd.org,
    apiVersion: config.officernd.apiVersion,
    apiUrl: config.officernd.apiUrl,
    tokenUrl: config.officernd.tokenUrl,
  });
  officernd = createOfficeRnDClient({
    apiUrl: config.officernd.apiUrl,
    apiVersion: config.officernd.apiVersion,
    tokenUrl: config.officernd.tokenUrl,
    org: config.officernd.org,
    clientId: config.officernd.clientId ?? '',
    clientSecret: config.officernd.clientSecret ?? '',
    scope: config.officernd.scope,
    logger,
    observe: ops.observeUpstream,
    ...config.upstream,
    ...sharedClientOptions,
  });
}

const readiness = createReadiness({ officernd, ...(shared ? { shared } : {}) });
// Collection sizes, learnt in the background from start-up (a small share of the budget; once per cluster with
// Redis), so that the cost of a query is close to its calls from the first requests on (issue 14).
const sizes = createCollectionSizes();
const learner = createSizeLearner({
  officernd,
  sizes,
  pauseMs: learningPauseMs(config.upstream.maxRequestsPerMinute),
  maxItems: MAX_WALK_ITEMS,
  logger,
  ...(shared ? { shared: shared.sizes } : {}),
});
// With Redis, after it is connected (or 5 s): the sizes and the token may then come from another replica.
if (config.upstream.learnSizes) void (shared ? shared.whenUp(5_000) : Promise.resolve()).then(() => learner.start());
// Shutdown ends the dashboard's open subscriptions, so that their streams do not hold the server open.
const subscriptionsEnd = new AbortController();
const gateway = createGateway({
  officernd,
  logger,
  sizes,
  learner,
  settings: demoWebhookSecret ? { ...config, webhooks: { secret: demoWebhookSecret } } : config,
  closing: subscriptionsEnd.signal,
  ops,
  readiness,
  serveMetrics: config.metricsPort === null,
  ...(shared ? { shared } : {}),
});
deliverToGateway = (request) => gateway.fetch(request);
const server = createHttpServer(gateway, config.http);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`GraphQL gateway listening: GraphiQL at http://${config.host}:${port}/graphql`);
  logger.info(`Dashboard at http://${config.host}:${port}/dashboard`);
});

// METRICS_PORT: /metrics alone on its own port, for a scraper on an internal network (no API key there).
const metricsServer =
  config.metricsPort === null
    ? null
    : createServer((request, response) => {
        if (request.method !== 'GET' || request.url?.split('?')[0] !== METRICS_ENDPOINT) {
          response.writeHead(404).end();
          return;
        }
        void metrics
          .scrape()
          .then(({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body));
      });
metricsServer?.listen(config.metricsPort ?? 0, config.host, () => {
  const address = metricsServer.address();
  const port = typeof address === 'object' && address ? address.port : config.metricsPort;
  logger.info(`Metrics at http://${config.host}:${port}${METRICS_ENDPOINT}`);
});

/**
 * Graceful shutdown (SIGTERM, SIGINT): /ready answers 503 at once, no new connection is accepted, the requests and
 * exports in flight are answered (each connection closes after its answer), then the upstream connections close and
 * the process exits 0. What is still running after SHUTDOWN_TIMEOUT_MS is cut off: exit code 1.
 */
let closing = false;
server.on('request', (_request, response) => {
  // A keep-alive connection whose answer ends during shutdown is closed then, not left idle.
  response.once('finish', () => {
    if (closing) setImmediate(() => server.closeIdleConnections());
  });
});
const shutdown = (signal: string): void => {
  if (closing) return;
  closing = true;
  readiness.drain();
  learner.stop();
  subscriptionsEnd.abort();
  stopDemoActivity?.();
  logger.info(
    `${signal} received: closing; answering the requests in flight (at most SHUTDOWN_TIMEOUT_MS=${config.shutdownTimeoutMs} ms)`,
  );
  const forced = setTimeout(() => {
    logger.error('Shutdown timed out (SHUTDOWN_TIMEOUT_MS): cutting the requests still in flight');
    server.closeAllConnections();
    process.exit(1);
  }, config.shutdownTimeoutMs);
  forced.unref();
  metricsServer?.close();
  metricsServer?.closeAllConnections();
  server.close(() => {
    void Promise.allSettled([officernd.close(), tracing?.shutdown(), shared?.close()]).then(() => {
      logger.info('Closed: every request answered, upstream connections closed');
      process.exit(0);
    });
  });
  server.closeIdleConnections();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
