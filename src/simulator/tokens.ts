/**
 * The OAuth token endpoint and the store of issued bearer tokens (shared/officernd-api.md §1).
 * Only the client_credentials grant is served; tokens are opaque random strings.
 */

import { randomBytes } from 'node:crypto';
import { jsonResponse, type SimRequest, type SimResponse } from './http.ts';

/** An OAuth client the simulator accepts (§1: legacy v1 scope `officernd.api.read`). */
export interface SimulatorClient {
  clientId: string;
  clientSecret: string;
  scopes?: readonly string[];
}

export interface TokenStoreOptions {
  clients: readonly SimulatorClient[];
  /** Token lifetime; `expires_in` answers one second less (§1: 3600 s valid, examples show 3599). */
  ttlSeconds: number;
  clock: () => number;
}

export interface TokenStore {
  /** Answers `POST /oauth/token` (the caller has already checked the method and path). */
  handleTokenRequest(request: SimRequest): Promise<SimResponse>;
  /** True when `token` was issued by this store, is unexpired and was not revoked. */
  isValid(token: string): boolean;
  /** The scopes of a valid token; null when the token is not valid. */
  scopesOf(token: string): ReadonlySet<string> | null;
  /** Every issued token becomes invalid. */
  expireAll(): void;
  readonly issued: number;
}

const DEFAULT_SCOPES = ['officernd.api.read'];
const FORM_TYPE = 'application/x-www-form-urlencoded';

// Token errors follow RFC 6749 §5.2 (the doc leaves the real bodies open, §1 and §11.1).
const oauthError = (status: number, error: string, description: string): SimResponse =>
  jsonResponse(status, { error, error_description: description }, { 'cache-control': 'no-store' });

/** Creates the token store and endpoint for the configured clients. */
export function createTokenStore(options: TokenStoreOptions): TokenStore {
  // access token → expiry (ms epoch) and the scopes it carries
  const tokens = new Map<string, { expiresAt: number; scopes: ReadonlySet<string> }>();
  let issued = 0;

  const prune = (now: number): void => {
    for (const [token, { expiresAt }] of tokens) if (expiresAt <= now) tokens.delete(token);
  };

  const handleTokenRequest = async (request: SimRequest): Promise<SimResponse> => {
    // §1: the body must be form-encoded; a JSON body is not what the endpoint takes.
    const contentType = request.header('content-type') ?? '';
    if (contentType.split(';')[0]?.trim().toLowerCase() !== FORM_TYPE) {
      return oauthError(400, 'invalid_request', `Content-Type must be ${FORM_TYPE}`);
    }
    const form = new URLSearchParams(await request.text());
    const client = options.clients.find((c) => c.clientId === form.get('client_id'));
    if (!client || client.clientSecret !== form.get('client_secret')) {
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    const grant = form.get('grant_type');
    if (!grant) return oauthError(400, 'invalid_request', 'grant_type is required');
    if (grant !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');
    }
    const granted = client.scopes ?? DEFAULT_SCOPES;
    const requested = [...new Set((form.get('scope') ?? '').split(' ').filter(Boolean))];
    // §1: asking for any scope the app was not granted fails the whole call.
    const refused = requested.filter((scope) => !granted.includes(scope));
    if (refused.length > 0) return oauthError(400, 'invalid_scope', `Scope not granted: ${refused.join(' ')}`);
    const scopes = requested.length > 0 ? requested : [...granted];

    const now = options.clock();
    prune(now);
    const accessToken = randomBytes(32).toString('base64url');
    tokens.set(accessToken, { expiresAt: now + options.ttlSeconds * 1000, scopes: new Set(scopes) });
    issued += 1;
    return jsonResponse(
      200,
      { access_token: accessToken, token_type: 'Bearer', expires_in: options.ttlSeconds - 1, scope: scopes.join(' ') },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    );
  };

  return {
    handleTokenRequest,
    isValid: (token) => {
      const entry = tokens.get(token);
      return entry !== undefined && entry.expiresAt > options.clock();
    },
    scopesOf: (token) => {
      const entry = tokens.get(token);
      return entry !== undefined && entry.expiresAt > options.clock() ? entry.scopes : null;
    },
    expireAll: () => tokens.clear(),
    get issued() {
      return issued;
    },
  };
}
