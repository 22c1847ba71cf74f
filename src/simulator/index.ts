/** Public surface of the OfficeRnD simulator. */

export { createSimulator, DEFAULT_CLIENT, SIMULATOR_ORIGIN } from './server.ts';
export type { Simulator, SimulatorOptions } from './server.ts';
export type { FaultOptions } from './faults.ts';
export type { RequestLog, RequestLogEntry, RequestLogFilter } from './request-log.ts';
export type { Listening } from './listen.ts';
export type { SimulatorClient } from './tokens.ts';
export { NEXT_HEADER, PREV_HEADER } from './paging.ts';
export { API_ROOT, TOKEN_PATH } from './routes.ts';
export { generateDataset, creditStatsFor } from './generate.ts';
export { V1_FILTER_MODES, V1_POPULATE_MODES, type V1FilterMode, type V1PopulateMode } from './model.ts';
export { omitsFalseFlags, SPARSE_BOOKING_FLAGS } from './sparse-flags.ts';
export type { Dataset } from './generate.ts';
export { API_V2_ROOT } from './routes.ts';
export { FLEX_READ_SCOPES, V2_READ_SCOPES } from './v2-model.ts';
export { toV2Item } from './v2.ts';
export type { V2RateLimit } from './v2-rate.ts';
export { signWebhook, WEBHOOK_OBJECTS, type WebhookDelivery, type WebhookOptions } from './webhooks.ts';
