/** The OfficeRnD REST client: public surface of `src/officernd/`. */

export { createOfficeRnDClient } from './client.ts';
export type {
  CallOptions,
  RequestShare,
  RequestShareOptions,
  OfficeRnDClient,
  OfficeRnDClientOptions,
  OfficeRnDClientStats,
  OfficeRnDLogger,
  UpstreamEvent,
} from './client.ts';
export {
  COLLECTIONS,
  CREDIT_STATS_PATH,
  LIST_COLLECTIONS,
  OBJECT_ID,
  OCCURRENCES_PATH,
  V1_PAGE_LIMIT,
} from './collections.ts';
export type { CollectionSpec, ListCollection } from './collections.ts';
export { OfficeRnDError, OfficeRnDQueryError } from './errors.ts';
export type { OfficeRnDErrorCode } from './errors.ts';
export { CursorLoopError } from './paginate.ts';
export type { Page } from './paginate.ts';
export { isBareIdAnswer, toQueryParams } from './query.ts';
export type { CreditStatsParams, Filter, FilterOp, ListQuery, OccurrenceParams } from './query.ts';
export { linkSignal } from './signal.ts';
export type { LinkedSignal, LinkOptions } from './signal.ts';
export { createTokenCache } from './token.ts';
export type { TokenCache, TokenCacheOptions } from './token.ts';
export type * from './types.ts';
