// Same-tab sign-in, for when the popup is blocked: the page itself goes to the provider and comes back with
// `code`/`state` (or `error`/`state`) in its URL. What the user typed survives in sessionStorage, secrets excluded.
import type { ApiClient, OAuthQuery } from '../api/client.js';
import type { AuthValue } from '../spec/auth.js';
import type { Obj } from '../spec/util.js';
import { asOAuthError, failureFor, OAuthError } from './oauth-error.js';
import { createState } from './state.js';

const KEY = 'airbyte-connect:oauth';
/** Longer than the API keeps a pending sign-in, so a record never outlives its state by much. */
const MAX_AGE_MS = 15 * 60_000;
/** What the provider adds to the URL; nothing else of the host page's URL is touched. */
const RETURN_PARAMS = ['code', 'state', 'error', 'error_description'];

export interface RedirectRecord {
  readonly state: string;
  readonly templateId: string;
  /** Set when a saved source was being edited. */
  readonly sourceId?: string;
  /** The form value without secrets or sign-in outputs (`withoutSecrets`). */
  readonly values: Obj;
  /** Sent with the consent request; completion must send the same. */
  readonly redirectUrl: string;
  /** The page's own query and hash, which the provider's redirect does not carry: put back on return. */
  readonly returnTo?: string;
  readonly savedAt: number;
}

export interface RedirectReturn {
  readonly record: RedirectRecord;
  readonly query: OAuthQuery;
}

/**
 * Leaves the page for the provider. The record is saved only once the consent URL is known, so a failed request
 * leaves nothing behind. Fails with an OAuthError (or the signal's reason once aborted).
 */
export async function startRedirect(o: {
  api: ApiClient;
  templateId: string;
  sourceId?: string;
  /** `authInputs(model, value)`: what the provider needs first. */
  inputs: Record<string, unknown>;
  /** `withoutSecrets(model, value)`: what may wait in sessionStorage. */
  values: Obj;
  signal?: AbortSignal;
}): Promise<void> {
  const { templateId, inputs, values, signal } = o;
  const state = createState();
  const redirectUrl = location.origin + location.pathname;
  try {
    const consentUrl = await o.api.oauthConsentUrl({ templateId, redirectUrl, state, inputs }, { signal });
    const record: RedirectRecord = { state, templateId, sourceId: o.sourceId, values, redirectUrl, returnTo: location.search + location.hash, savedAt: Date.now() };
    sessionStorage.setItem(KEY, JSON.stringify(record));
    location.assign(consentUrl);
  } catch (error) {
    throw signal?.aborted ? error : asOAuthError(error);
  }
}

/**
 * The provider's answer if this page load is the return from `startRedirect`: the URL's `state` matches the saved
 * record and it carries `code` or `error`. Then the provider's parameters leave the URL and the record is used up.
 * Otherwise undefined, and nothing changes (except that a record too old to matter is dropped).
 */
export function takeRedirectReturn(): RedirectReturn | undefined {
  let record: RedirectRecord | null;
  try {
    record = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return undefined; // storage blocked, or not our JSON
  }
  if (!record) return undefined;
  if (!(Date.now() - record.savedAt < MAX_AGE_MS)) return void sessionStorage.removeItem(KEY);
  const params = new URLSearchParams(location.search);
  const [state, code, error] = ['state', 'code', 'error'].map((k) => params.get(k) ?? undefined);
  if (state !== record.state || (code ?? error) === undefined) return undefined;
  // The page's own query and hash as they were when it left; else the URL less the provider's parameters
  // (filtered as raw text, so the page's other parameters keep their exact encoding).
  const search = location.search
    .slice(1)
    .split('&')
    .filter((p) => !RETURN_PARAMS.includes([...new URLSearchParams(p).keys()][0]!))
    .join('&');
  history.replaceState(history.state, '', location.pathname + (record.returnTo ?? (search && '?' + search) + location.hash));
  sessionStorage.removeItem(KEY);
  return { record, query: { state, code, error } };
}

/** Trades a same-tab return for the values to write into the form; fails with an OAuthError. */
export async function completeRedirect(api: ApiClient, { record, query }: RedirectReturn, signal?: AbortSignal): Promise<AuthValue[]> {
  // The provider said no: nothing to trade (the pending state simply expires).
  if (query.error !== undefined) throw new OAuthError(failureFor(query.error));
  try {
    return await api.completeOAuth({ templateId: record.templateId, redirectUrl: record.redirectUrl, query }, { signal });
  } catch (error) {
    throw signal?.aborted ? error : asOAuthError(error);
  }
}
