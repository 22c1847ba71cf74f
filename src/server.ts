import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config.ts';
import { createGateway } from './gateway.ts';
import { createLogger } from './logger.ts';
import { createOfficeRnDClient } from './officernd/index.ts';
import { createSharedState, redisSecrets } from './shared-state/index.ts';
import { createSimulator } from './simulator/index.ts';

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

const logger = createLogger({
  level: config.logLevel,
  secrets: [
    config.officernd.clientSecret ?? '',
    ...config.security.apiKeys,
    config.webhooks.secret ?? '',
    ...redisSecrets(config.redis.url),
  ],
});

// Several replicas share their token, upstream budget, caches and webhook events through Redis (issue 17).
const shared = config.redis.url
  ? createSharedState({
      url: config.redis.url,
      timeoutMs: config.redis.timeoutMs,
      org: config.officernd.org,
      clientId: config.officernd.clientId ?? 'demo-client',
      maxRequestsPerMinute: config.upstream.maxRequestsPerMinute,
      tokenTimeoutMs: config.upstream.timeoutMs,
      logger,
    })
  : null;
const sharedClientOptions = shared ? { tokenStore: shared.tokenStore, upstreamGate: shared.upstreamGate } : {};

let officernd;
if (config.mode === 'simulator') {
  const simulator = createSimulator({
    org: config.officernd.org,
    seed: config.simulator.seed,
    scale: config.simulator.scale,
  });
  logger.info('No OfficeRnD credentials configured (OFFICERND_CLIENT_ID/OFFICERND_CLIENT_SECRET): serving the built-in OfficeRnD simulator with seeded demo data', {
    org: simulator.org,
    seed: config.simulator.seed,
    scale: config.simulator.scale,
  });
  officernd = createOfficeRnDClient({
    apiUrl: simulator.apiUrl,
    tokenUrl: simulator.tokenUrl,
    org: simulator.org,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scope: config.officernd.scope,
    fetch: simulator.fetch,
    logger,
    ...config.upstream,
    ...sharedClientOptions,
  });
} else {
  logger.info('Using OfficeRnD', {
    org: config.officernd.org,
    apiUrl: config.officernd.apiUrl,
    tokenUrl: config.officernd.tokenUrl,
  });
  officernd = createOfficeRnDClient({
    apiUrl: config.officernd.apiUrl,
    tokenUrl: config.officernd.tokenUrl,
    org: config.officernd.org,
    clientId: config.officernd.clientId ?? '',
    clientSecret: config.officernd.clientSecret ?? '',
    scope: config.officernd.scope,
    logger,
    ...config.upstream,
    ...sharedClientOptions,
  });
}

const gateway = createGateway({ officernd, logger, settings: config, ...(shared ? { shared } : {}) });
const server = createServer(gateway);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(`GraphQL gateway listening: GraphiQL at http://${config.host}:${port}/graphql`);
});

const shutdown = (signal: string): void => {
  logger.info(`${signal} received, closing`);
  server.close(() =>
    void Promise.all([officernd.close(), shared?.close()])
      .catch(() => undefined)
      .finally(() => process.exit(0)),
  );
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
