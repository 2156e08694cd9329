import { readToken, type TokenSession } from './session.js';
import { TokenError } from './token-error.js';

/** Where fresh tokens come from: the page's own backend (`token-url`) or a function (`tokenProvider`). */
export interface TokenSources {
  readonly token?: string | null;
  readonly tokenUrl?: string | null;
  readonly tokenProvider?: (() => Promise<string>) | null;
}

/** Refresh (or warn) this long before `exp`, so a request never leaves with a token about to lapse. */
export const EXPIRY_MARGIN_MS = 60_000;
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Token requests in flight, by source (the provider function, or the absolute token URL): several
 * elements on one page, and concurrent calls of one element, share a single request.
 */
const inFlight = new Map<unknown, Promise<string>>();

function shared(key: unknown, fetchToken: () => Promise<string>): Promise<string> {
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fetchToken().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/**
 * Holds the current session and gets a new one when it is missing, about to expire, or refused. With a
 * token source it refreshes shortly before `exp` on its own; with a static token it calls `onExpiring`
 * then instead. Never logs or stores the token anywhere but memory.
 */
export class TokenKeeper {
  #session?: TokenSession;
  #timer?: ReturnType<typeof setTimeout>;
  #active = true;

  readonly #sources: () => TokenSources;
  readonly #onExpiring: (session: TokenSession) => void;

  constructor(sources: () => TokenSources, onExpiring: (session: TokenSession) => void) {
    this.#sources = sources;
    this.#onExpiring = onExpiring;
  }

  /** Replaces the session with a token the page handed over (attribute or `updateToken`). */
  set(token: string): TokenSession {
    return this.#use(readToken(token));
  }

  get canRefresh(): boolean {
    const { tokenUrl, tokenProvider } = this.#sources();
    return Boolean(tokenUrl || tokenProvider);
  }

  /** The session to use now; `fresh` when the server refused the last one. */
  async session(fresh = false): Promise<TokenSession> {
    const current = this.#session;
    const { canRefresh } = this;
    // A session that can be renewed is renewed shortly before it ends; a static token is used to the last second.
    const usableUntil = (current?.expiresAt ?? Infinity) - (canRefresh ? EXPIRY_MARGIN_MS : 0);
    if (current && !fresh && usableUntil > Date.now()) return current;
    if (canRefresh) return this.#use(await this.#fetchFresh());
    const { token } = this.#sources();
    if (!current && token) return this.set(token);
    // A static token that has ended, or was refused: there is nothing more we can do.
    throw new TokenError('token_expired', 'The session has expired.');
  }

  /** Stops the timer (the element left the page); `resume` starts it again. */
  pause(): void {
    this.#active = false;
    clearTimeout(this.#timer);
  }

  resume(): void {
    this.#active = true;
    if (this.#session) this.#schedule(this.#session);
  }

  #use(session: TokenSession): TokenSession {
    this.#session = session;
    this.#schedule(session);
    return session;
  }

  #schedule(session: TokenSession): void {
    clearTimeout(this.#timer);
    if (!this.#active || session.expiresAt === undefined) return;
    const wait = session.expiresAt - EXPIRY_MARGIN_MS - Date.now();
    this.#timer = setTimeout(() => {
      if (this.#session !== session) return;
      // A timer longer than 2^31 - 1 ms (24.8 days) would fire at once: a far expiry is waited for in steps.
      if (wait > LONGEST_TIMER_MS) return this.#schedule(session);
      if (this.canRefresh) void this.session(true).catch(() => this.#onExpiring(session));
      else this.#onExpiring(session);
    }, Math.min(wait, LONGEST_TIMER_MS)); // a negative wait is 0 to setTimeout
  }

  async #fetchFresh(): Promise<TokenSession> {
    const { tokenUrl, tokenProvider } = this.#sources();
    const url = tokenUrl ? new URL(tokenUrl, globalThis.location?.href).href : undefined;
    let token: unknown;
    try {
      token = await shared(tokenProvider ?? url, async () => {
        if (tokenProvider) return tokenProvider();
        const response = await fetch(url!, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json' },
        });
        if (!response.ok) throw new Error(String(response.status));
        return ((await response.json()) as { token?: string }).token!;
      });
    } catch {
      throw new TokenError('token_expired', 'A new session could not be started.');
    }
    if (typeof token !== 'string' || !token) throw new TokenError('invalid_token', 'The page provided no usable token.');
    return readToken(token);
  }
}
