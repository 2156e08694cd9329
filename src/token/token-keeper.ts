import { readToken, type TokenSession } from './session.js';
import { TokenError } from './token-error.js';

/** Where fresh tokens come from: the page's own backend (`token-url`) or a function (`tokenProvider`). */
export interface TokenSources {
  readonly token?: string | null;
  readonly tokenUrl?: string | null;
  readonly tokenProvider?: (() => Promise<string>) | null;
}

/** Refresh this long before `exp`, so a request never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Holds the current session and gets a new one when it is missing, about to expire, or refused.
 * Concurrent callers share one refresh in flight. Never logs or stores the token anywhere but memory.
 */
export class TokenKeeper {
  #session?: TokenSession;
  #refreshing?: Promise<TokenSession>;

  constructor(
    private readonly sources: () => TokenSources,
    private readonly fetchFn: typeof fetch = (...args) => globalThis.fetch(...args),
  ) {}

  /** Replaces the session with a token the page handed over (attribute or `updateToken`). */
  set(token: string): TokenSession {
    this.#session = readToken(token);
    return this.#session;
  }

  clear(): void {
    this.#session = undefined;
  }

  get canRefresh(): boolean {
    const { tokenUrl, tokenProvider } = this.sources();
    return Boolean(tokenUrl || tokenProvider);
  }

  /** The session to use now; `fresh` when the server refused the last one. */
  async session(fresh = false): Promise<TokenSession> {
    const current = this.#session;
    const usable = current && (current.expiresAt === undefined || current.expiresAt - EXPIRY_MARGIN_MS > Date.now());
    if (current && usable && !fresh) return current;
    if (!this.canRefresh) {
      const { token } = this.sources();
      if (!current && token) return this.set(token);
      if (current && !fresh && current.expiresAt! > Date.now()) return current;
      throw new TokenError('token_expired', 'The session has expired.');
    }
    this.#refreshing ??= this.#fetchFresh().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  async #fetchFresh(): Promise<TokenSession> {
    const { tokenUrl, tokenProvider } = this.sources();
    let token: unknown;
    try {
      if (tokenProvider) {
        token = await tokenProvider();
      } else {
        const response = await this.fetchFn(tokenUrl!, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
        if (!response.ok) throw new Error(String(response.status));
        token = ((await response.json()) as { token?: unknown }).token;
      }
    } catch {
      throw new TokenError('token_expired', 'A new session could not be started.');
    }
    if (typeof token !== 'string' || !token) {
      throw new TokenError('invalid_token', 'The page provided no usable token.');
    }
    this.#session = readToken(token);
    return this.#session;
  }
}
