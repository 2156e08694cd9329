import type { OAuthQuery } from '../api/client.js';
import { failureFor, OAuthError } from './oauth-error.js';

/** The `type` of the message the API's callback page posts to its opener. */
export const OAUTH_MESSAGE = 'airbyte-connect:oauth';

export interface PopupWaitOptions {
  readonly popup: Window;
  /** The origin of the callback page (the API's); messages from anywhere else are not ours. */
  readonly apiOrigin: string;
  /** The state this sign-in registered; a message with another state belongs to another sign-in. */
  readonly state: string;
  readonly signal?: AbortSignal;
  /** Default 5 minutes; then the popup is closed. */
  readonly timeoutMs?: number;
}

/**
 * Waits for the provider's answer, relayed by the callback page in the popup. Only a message from that window,
 * from the API's origin, of our type and with our state counts; any other message is someone else's and is
 * ignored. Rejects with OAuthError `closed`, `timeout`, `denied` or `failed`, or with the signal's reason.
 */
export function waitForPopupResult(o: PopupWaitOptions): Promise<OAuthQuery & { code: string }> {
  const { popup, state, signal } = o;
  return new Promise((resolve, reject) => {
    let closedBefore = false;
    const finish = (error: unknown, query?: OAuthQuery & { code: string }) => {
      removeEventListener('message', onMessage);
      signal?.removeEventListener('abort', onAbort);
      clearInterval(poll);
      clearTimeout(timer);
      query ? resolve(query) : reject(error);
    };
    const onMessage = ({ origin, source, data }: MessageEvent) => {
      if (origin !== o.apiOrigin || source !== popup || data?.type !== OAUTH_MESSAGE || data.state !== state) return;
      if (data.error == null && typeof data.code == 'string') finish(0, { state, code: data.code });
      else finish(new OAuthError(failureFor(data.error)));
    };
    const onAbort = () => finish(signal!.reason);
    // `closed` must be seen twice: the callback page posts and then closes, and its message may land just after.
    const poll = setInterval(() => popup.closed && (closedBefore ? finish(new OAuthError('closed')) : (closedBefore = true)), 500);
    const timer = setTimeout(() => (popup.close(), finish(new OAuthError('timeout'))), o.timeoutMs ?? 300_000);
    addEventListener('message', onMessage);
    signal?.addEventListener('abort', onAbort);
    if (signal?.aborted) onAbort();
  });
}
