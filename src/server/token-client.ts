// The host backend's side of Airbyte Embedded: client credentials → application token → widget or scoped
// token. Uses nothing but `fetch`, so it runs on Node ≥ 20 and on edge runtimes alike.
import {
  normalizeBaseUrl,
  optionalMode,
  optionalTags,
  optionalText,
  requireOrigin,
  requireText,
} from './inputs.js';
import { TokenClientError, describeErrorBody, redact } from './token-client-error.js';

export interface TokenClientOptions {
  clientId: string;
  clientSecret: string;
  /** Default `https://api.airbyte.ai`; a trailing slash or `/api/v1` is fine. */
  baseUrl?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; default `Date.now`. Lets tests move time forward. */
  now?: () => number;
}

export type TagsMode = 'any' | 'all';

export interface WidgetTokenRequest {
  /** The host's stable id for the end user or tenant; the workspace is created on first use. */
  workspaceName: string;
  /** The exact origin of the page that embeds the widget, e.g. `https://app.example.com`. */
  allowedOrigin: string;
  selectedSourceTemplateTags?: string[];
  selectedSourceTemplateTagsMode?: TagsMode;
  selectedConnectionTemplateTags?: string[];
  selectedConnectionTemplateTagsMode?: TagsMode;
  regionId?: string;
}

export interface ScopedTokenRequest {
  workspaceName: string;
  regionId?: string;
}

export interface TokenClient {
  /** A widget token (base64 of `{token, widgetUrl}`) to hand to the browser. */
  widgetToken(request: WidgetTokenRequest): Promise<string>;
  /** A scoped JWT for one workspace, for backend-to-API calls on the end user's behalf. */
  scopedToken(request: ScopedTokenRequest): Promise<string>;
  /** The application (operator) token; cached, never send it to a browser. */
  applicationToken(): Promise<string>;
}

// Application tokens live 15 minutes; renew a minute early so a token never expires in flight.
const REFRESH_EARLY_MS = 60_000;
const DOCUMENTED_LIFETIME_S = 900;

interface ApplicationToken {
  value: string;
  refreshAt: number;
}

interface Reply {
  status: number;
  statusText: string;
  body: unknown;
}

export function createTokenClient(options: TokenClientOptions): TokenClient {
  if (typeof options !== 'object' || options === null) {
    throw new TokenClientError('createTokenClient needs {clientId, clientSecret}');
  }
  const clientId = requireText(options.clientId, 'clientId');
  const clientSecret = requireText(options.clientSecret, 'clientSecret');
  const base = normalizeBaseUrl(options.baseUrl);
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;

  let cached: ApplicationToken | undefined;
  let inFlight: Promise<ApplicationToken> | undefined;

  async function post(what: string, path: string, body: unknown, bearer?: string): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await send(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    } catch (cause) {
      const reason = networkReason(cause);
      throw new TokenClientError(`${what} request to ${base} failed: ${clean(reason)}`, undefined, { cause });
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a proxy's HTML page, say): keep the text out of the message
    }
    return { status: response.status, statusText: response.statusText, body: parsed };
  }

  // Only text that came from elsewhere (a server's reason, a network error) can carry a secret.
  function clean(text: string): string {
    return redact(text, [clientSecret, cached?.value ?? '']);
  }

  function failure(what: string, reply: Reply): TokenClientError {
    const reason = describeErrorBody(reply.body) ?? (reply.statusText || 'unexpected response');
    return new TokenClientError(`Airbyte ${what} request failed (${reply.status}): ${clean(reason)}`, reply.status);
  }

  function ok(reply: Reply): boolean {
    return reply.status >= 200 && reply.status < 300;
  }

  function field(what: string, reply: Reply, key: string): string {
    const value = (reply.body as Record<string, unknown> | null)?.[key];
    if (typeof value !== 'string' || value === '') {
      throw new TokenClientError(`Airbyte ${what} response has no "${key}"`, reply.status);
    }
    return value;
  }

  async function requestApplicationToken(): Promise<ApplicationToken> {
    const startedAt = now();
    const reply = await post('application token', '/api/v1/account/applications/token', {
      client_id: clientId,
      client_secret: clientSecret,
    });
    if (!ok(reply)) throw failure('application token', reply);
    const value = field('application token', reply, 'access_token');
    const expiresIn = (reply.body as { expires_in?: unknown }).expires_in;
    const lifetimeMs = (typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DOCUMENTED_LIFETIME_S) * 1000;
    return { value, refreshAt: startedAt + lifetimeMs - Math.min(REFRESH_EARLY_MS, lifetimeMs / 2) };
  }

  async function applicationToken(): Promise<string> {
    if (cached && now() < cached.refreshAt) return cached.value;
    // Concurrent callers share one request instead of each minting a token.
    inFlight ??= requestApplicationToken()
      .then((token) => (cached = token))
      .finally(() => (inFlight = undefined));
    return (await inFlight).value;
  }

  async function mint(what: string, path: string, body: Record<string, unknown>): Promise<string> {
    let token = await applicationToken();
    let reply = await post(what, path, body, token);
    if (reply.status === 401) {
      // Revoked or expired early: forget it (unless a concurrent caller already did) and retry exactly once.
      if (cached?.value === token) cached = undefined;
      token = await applicationToken();
      reply = await post(what, path, body, token);
    }
    if (!ok(reply)) throw failure(what, reply);
    return field(what, reply, 'token');
  }

  return {
    applicationToken,

    async widgetToken(request) {
      const body = {
        workspace_name: requireText(request?.workspaceName, 'workspaceName'),
        allowed_origin: requireOrigin(request.allowedOrigin),
        region_id: optionalText(request.regionId, 'regionId'),
        selected_source_template_tags: optionalTags(request.selectedSourceTemplateTags, 'selectedSourceTemplateTags'),
        selected_source_template_tags_mode: optionalMode(
          request.selectedSourceTemplateTagsMode,
          'selectedSourceTemplateTagsMode',
        ),
        selected_connection_template_tags: optionalTags(
          request.selectedConnectionTemplateTags,
          'selectedConnectionTemplateTags',
        ),
        selected_connection_template_tags_mode: optionalMode(
          request.selectedConnectionTemplateTagsMode,
          'selectedConnectionTemplateTagsMode',
        ),
      };
      return mint('widget token', '/api/v1/embedded/widget-token', body);
    },

    async scopedToken(request) {
      const body = {
        workspace_name: requireText(request?.workspaceName, 'workspaceName'),
        region_id: optionalText(request.regionId, 'regionId'),
      };
      return mint('scoped token', '/api/v1/embedded/scoped-token', body);
    },
  };
}

/** "fetch failed" says little; Node puts the system error code (ECONNREFUSED…) on the cause. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
