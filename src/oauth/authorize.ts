import type { ApiClient } from '../api/client.js';
import type { AuthValue } from '../spec/auth.js';
import { callbackUrl } from './callback-url.js';
import { asOAuthError, OAuthError } from './oauth-error.js';
import { waitForPopupResult } from './popup-result.js';
import { createState } from './state.js';

export interface AuthorizeOptions {
  readonly api: ApiClient;
  /** The base URL `api` was made with; the callback page lives under it. */
  readonly apiBaseUrl: string;
  readonly templateId: string;
  /** From `openPopup()` in the click handler; null when the browser blocked it. */
  readonly popup: Window | null;
  /** `authInputs(model, value)`: what the provider needs first. */
  readonly inputs?: Record<string, unknown>;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/**
 * A whole popup sign-in: register a new state and get the consent URL, send the popup there, wait for the
 * callback page's message, and trade it for the values to write into the form (`applyAuthValues`). Fails with
 * an OAuthError (or the signal's reason once aborted); the popup is closed whatever happens.
 */
export async function authorize(o: AuthorizeOptions): Promise<AuthValue[]> {
  const { api, templateId, popup, signal } = o;
  if (!popup) throw new OAuthError('blocked');
  const redirectUrl = callbackUrl(o.apiBaseUrl);
  const state = createState();
  try {
    const consentUrl = await api.oauthConsentUrl({ templateId, redirectUrl, state, inputs: o.inputs }, { signal });
    if (popup.closed) throw new OAuthError('closed');
    popup.location.replace(consentUrl);
    const apiOrigin = new URL(redirectUrl).origin;
    const query = await waitForPopupResult({ popup, apiOrigin, state, signal, timeoutMs: o.timeoutMs });
    return await api.completeOAuth({ templateId, redirectUrl, query }, { signal });
  } catch (error) {
    throw signal?.aborted ? error : asOAuthError(error);
  } finally {
    popup.close();
  }
}
