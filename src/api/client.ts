import type * as z from 'zod/mini';
import { ApiError, codeForStatus, type ApiOperation } from './api-error.js';
import { readErrorBodyLater } from './load-error-body.js';
import { DEFAULT_RETRY_POLICY, isRepeatable, isTransientStatus, retryDelayMs, serverDelayMs, type RetryPolicy } from './retry-policy.js';
import * as schema from './schemas.js';

export const DEFAULT_API_BASE_URL = 'https://api.airbyte.ai/api/v1/embedded';

/** Gives the scoped JWT for the next call; `fresh` asks for a new one because the last was refused. */
export type TokenSource = (fresh: boolean) => Promise<string>;

export interface ApiClientOptions {
  /** Absolute, or relative to the page. */
  readonly baseUrl?: string;
  readonly token: TokenSource;
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout; a check can take several seconds. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Told before each retry, so the UI can say it is retrying. */
  readonly onRetry?: (retry: RetryNotice) => void;
}

export interface RetryNotice {
  readonly operation: ApiOperation;
  /** 1 for the first retry. */
  readonly retry: number;
  readonly delayMs: number;
  /** `network_error`, `timeout`, or the HTTP status that asked for it. */
  readonly reason: string;
}

export interface CreateSourceBody {
  readonly workspace_id?: string;
  readonly source_template_id: string;
  readonly source_config: Record<string, unknown>;
  readonly name?: string;
}

export type CheckSourceBody =
  | { readonly source_template_id: string; readonly source_config: Record<string, unknown> }
  | { readonly source_id: string; readonly source_config?: Record<string, unknown> };

/** What the provider sent back to the redirect URL. */
export interface OAuthQuery {
  readonly state: string;
  readonly code?: string;
  readonly error?: string;
}

/** What a call resolves to: the answer as its schema reads it, or nothing. */
type Answer<T> = Promise<T extends z.ZodMiniType ? z.infer<T> : void>;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

const AMBIGUOUS = new Set(['network_error', 'timeout']);

/** The path of one saved source. */
const sourcePath = (id: string) => `sources/${encodeURIComponent(id)}`;

/** Never follow more pages than this: a server that keeps answering `next` must not spin us forever. */
const MAX_PAGES = 100;

/** A typed client for the end-user calls of the Airbyte Embedded API. */
export class ApiClient {
  readonly #base: URL;
  readonly #token: TokenSource;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #onRetry?: (retry: RetryNotice) => void;

  constructor(options: ApiClientOptions) {
    const base = (options.baseUrl ?? DEFAULT_API_BASE_URL).replace(/\/*$/, '/');
    this.#base = new URL(base, globalThis.location?.href);
    this.#token = options.token;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#onRetry = options.onRetry;
  }

  listSourceTemplates(workspaceId?: string, signal?: AbortSignal) {
    return this.#list('list_source_templates', 'source-templates', schema.templateSummary, workspaceId, signal);
  }

  getSourceTemplate(id: string, signal?: AbortSignal) {
    return this.#send('get_source_template', 'GET', `source-templates/${encodeURIComponent(id)}`, schema.sourceTemplate, signal);
  }

  listSources(workspaceId?: string, signal?: AbortSignal) {
    return this.#list('list_sources', 'sources', schema.sourceSummary, workspaceId, signal);
  }

  getSource(id: string, signal?: AbortSignal) {
    return this.#send('get_source', 'GET', sourcePath(id), schema.source, signal);
  }

  /**
   * Creates a source. A create is never repeated blindly: when its answer is lost (timeout, dropped
   * connection), or a repeat the browser made on its own meets the name the first one took (409), the
   * workspace's sources are listed to find the one this call made. `knownSourceIds` are the sources that
   * existed before, so the new one can be told apart; without them the error is reported as it is.
   */
  async createSource(body: CreateSourceBody, options: { signal?: AbortSignal; knownSourceIds?: Iterable<string> } = {}) {
    const { signal } = options;
    try {
      return await this.#send('create_source', 'POST', 'sources', schema.source, signal, body);
    } catch (error) {
      const lost = error instanceof ApiError && (AMBIGUOUS.has(error.code) || (error.code === 'conflict' && body.name));
      if (!lost || !options.knownSourceIds) throw error;
      const known = new Set(options.knownSourceIds);
      const sources = await this.listSources(body.workspace_id, signal).catch(() => Promise.reject(error));
      const made = sources.filter(
        (s) =>
          !known.has(s.id) &&
          (s.summarized_source_template ?? s.source_template)?.id === body.source_template_id &&
          (body.name === undefined || s.name === body.name),
      );
      if (made.length !== 1) throw error;
      return this.getSource(made[0]!.id, signal);
    }
  }

  updateSource(id: string, sourceConfig: Record<string, unknown>, signal?: AbortSignal) {
    return this.#send('update_source', 'PUT', sourcePath(id), schema.source, signal, { source_config: sourceConfig });
  }

  deleteSource(id: string, signal?: AbortSignal) {
    return this.#send('delete_source', 'DELETE', sourcePath(id), undefined, signal);
  }

  checkSource(body: CheckSourceBody, signal?: AbortSignal) {
    return this.#send('check_source', 'POST', 'sources/check', schema.checkResult, signal, body);
  }

  /**
   * Registers `state` and asks where to send the user to sign in. Not retried on a lost answer or a transient
   * status (the operation is not repeatable): a state may be registered only once, so a repeat after the first
   * attempt got through meets a 409, and that attempt's consent URL is lost with its answer. The caller starts
   * again with a new state instead. (A 401 is still tried once with a fresh token: the server refused it unread.)
   */
  async oauthConsentUrl(
    o: { templateId: string; redirectUrl: string; state: string; inputs?: Record<string, unknown> },
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<string> {
    const body = { source_template_id: o.templateId, redirect_url: o.redirectUrl, state: o.state, oauth_input_configuration: o.inputs };
    return (await this.#send('oauth_consent_url', 'POST', 'sources/oauth/consent-url', schema.consentUrl, signal, body))
      .consent_url;
  }

  /**
   * Trades the provider's answer for the config values to fill in. Never repeated once it may have reached the
   * server: the code and state are single-use, so a repeat would only earn `invalid_state` and hide the real
   * outcome. (The one fresh-token retry on a 401 is safe: the token was refused before the code was looked at.)
   */
  async completeOAuth(
    o: { templateId: string; redirectUrl: string; query: OAuthQuery },
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<schema.OAuthValue[]> {
    const body = { source_template_id: o.templateId, redirect_url: o.redirectUrl, query: o.query };
    return (await this.#send('complete_oauth', 'POST', 'sources/oauth/complete', schema.oauthValues, signal, body))
      .values;
  }

  getTokenInfo(signal?: AbortSignal) {
    return this.#send('get_token_info', 'GET', 'scoped-token/info', schema.tokenInfo, signal);
  }

  /** Reads every page of a list, following `next` only while it stays on the API's own origin. */
  async #list<T extends z.ZodMiniType>(
    operation: ApiOperation,
    path: string,
    item: T,
    workspaceId: string | undefined,
    signal?: AbortSignal,
  ): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    let url: URL | undefined = new URL(path, this.#base);
    if (workspaceId !== undefined) url.searchParams.set('workspace_id', workspaceId);
    for (let pages = 0; url && pages < MAX_PAGES; pages++) {
      const result: { data: z.infer<T>[]; next?: string | null } = await this.#send(operation, 'GET', url, schema.page(item), signal);
      items.push(...result.data);
      const next: URL | undefined = result.next ? new URL(result.next, url) : undefined;
      url = next && next.origin === this.#base.origin ? next : undefined;
    }
    return items;
  }

  /**
   * One call to `path` (relative to the base URL): attempts, one fresh-token retry on a 401, backoff retries
   * when repeatable, then the answer.
   */
  async #send<T extends z.ZodMiniType | undefined>(
    operation: ApiOperation,
    method: string,
    path: string | URL,
    answerSchema: T,
    signal?: AbortSignal,
    body?: unknown,
  ): Answer<T> {
    const url = new URL(path, this.#base);
    const deadline = Date.now() + this.#retry.deadlineMs;
    const json = body === undefined ? undefined : JSON.stringify(body);
    /** One request: its answer, or the ApiError of an answer lost on the way (`timeout`, `network_error`). */
    const attempt = async (freshToken: boolean): Promise<Response | ApiError> => {
      let token: string;
      try {
        token = await this.#token(freshToken);
      } catch {
        throw new ApiError('token_expired', operation);
      }
      const timeout = AbortSignal.timeout(Math.max(1, Math.min(this.#timeoutMs, deadline - Date.now())));
      try {
        return await this.#fetch(url, {
          method,
          headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(json && { 'content-type': 'application/json' }) },
          body: json,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          credentials: 'omit',
        });
      } catch (error) {
        if (signal?.aborted) throw error;
        return new ApiError(timeout.aborted ? 'timeout' : 'network_error', operation);
      }
    };
    for (let retry = 0; ; retry++) {
      const first = await attempt(false);
      // A refused token gets exactly one fresh try; a second refusal is final.
      const outcome = first.status === 401 ? await attempt(true) : first;
      const lost = outcome instanceof ApiError;
      if ((lost || isTransientStatus(outcome.status)) && isRepeatable(method, operation) && retry < this.#retry.limit) {
        const delayMs = retryDelayMs(this.#retry, retry + 1, lost ? undefined : serverDelayMs(outcome));
        if (Date.now() + delayMs < deadline) {
          if (!lost) await outcome.body?.cancel();
          this.#onRetry?.({ operation, retry: retry + 1, delayMs, reason: lost ? outcome.code : `HTTP ${outcome.status}` });
          await sleep(delayMs, signal);
          continue;
        }
      }
      if (lost) throw outcome;
      // A 404 means the work is done: a delete whose answer was lost, repeated by us or by the browser itself
      // (Chrome re-sends a request once when a reused connection drops), finds nothing left to delete.
      if (outcome.status === 404 && method === 'DELETE') return undefined as never;
      return this.#answer(operation, outcome, answerSchema);
    }
  }

  /** The answer's JSON as `answerSchema` reads it; an error status becomes an ApiError with the server's words. */
  async #answer<T extends z.ZodMiniType | undefined>(operation: ApiOperation, response: Response, answerSchema: T): Answer<T> {
    const { ok, status } = response;
    let body: unknown;
    try {
      body = await response.text();
    } catch {
      throw new ApiError('network_error', operation, undefined, status);
    }
    try {
      body = body ? JSON.parse(body as string) : undefined;
    } catch {
      // An error page that is not JSON still explains itself: keep its text.
      if (ok) throw new ApiError('invalid_response', operation, undefined, status);
    }
    if (!ok) {
      const { detail, fieldIssues } = await readErrorBodyLater(body);
      const reason = (body as { error?: unknown } | undefined)?.error;
      throw new ApiError(codeForStatus(status), operation, detail, status, fieldIssues, typeof reason == 'string' ? reason : undefined);
    }
    if (!answerSchema) return undefined as never;
    const parsed = answerSchema.safeParse(body);
    if (!parsed.success) throw new ApiError('invalid_response', operation, undefined, status);
    return parsed.data as never;
  }
}
