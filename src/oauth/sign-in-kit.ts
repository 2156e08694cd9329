// The element's side of signing in, kept in the sign-in chunk so that the main bundle carries none of it: the
// button, the popup and the same-tab way, what each outcome says, and where a sign-in stands on each form.
// The element lends what it owns (its API client, its words, its live region, …); the chunk imports nothing of
// the main bundle, so the single-file build can fetch it from beside itself.
import type { ApiClient } from '../api/client.js';
import { authControl, type AuthView, type Lit } from '../components/fields/auth-control.js';
import type { OpenForm } from '../components/open-form.js';
import type { AirbyteErrorDetail } from '../events/event-map.js';
import type { TextKey, Translate } from '../i18n/translate.js';
import { applyAuthValues, authActive, authComplete, authHidden, authInputs, type AuthValue } from '../spec/auth.js';
import { withAuth } from '../spec/build-model.js';
import { pathKey } from '../validation/path-key.js';
import { authorize } from './authorize.js';
import type { OAuthFailure } from './oauth-error.js';
import { openPopup } from './popup.js';
import { completeRedirect, startRedirect, takeRedirectReturn } from './redirect-return.js';
import { withoutSecrets } from './without-secrets.js';

/** Text made when it is shown, so that it follows the locale. */
type Said = () => string;

/** What the element lends. Getters where the element may replace the thing (a new client, locale, life). */
export interface SignInHost {
  readonly api: () => ApiClient;
  /** The base URL the client was made with (the default filled in): the popup's callback page lives under it. */
  readonly apiBaseUrl: () => string;
  /** The element's words, in its current locale. */
  readonly t: () => Translate;
  /** For the events' messages, read by the page's code; lent so that this chunk carries no copy of the catalog. */
  readonly english: Translate;
  /** Aborted when the element leaves the page: nothing a sign-in does outlives it. */
  readonly life: () => AbortSignal;
  /** Says this in the live region. */
  readonly status: (said: Said) => void;
  /** Renders again; `focusInvalid`: then moves focus to the first field with an error. */
  readonly update: (focusInvalid?: boolean) => void;
  readonly error: (detail: AirbyteErrorDetail) => void;
  /** Opens a saved source's form, else a template's, and hands it over once shown (undefined if it did not open). */
  readonly open: (templateId: string, sourceId?: string) => Promise<OpenForm | undefined>;
  readonly lit: Lit;
  /** The element's stylesheet (shared by every element), which the sign-in control's rules join. */
  readonly sheet: CSSStyleSheet | undefined;
}

/** Where one form's sign-in stands. */
interface SignInState {
  readonly busy?: boolean;
  readonly error?: Said;
  /** The popup was blocked: offer the same sign-in in this tab. */
  readonly offerTab?: boolean;
}

/** The failures we have words for (`auth.<reason>`); anything else is a plain failure. */
const REASONS: readonly unknown[] = ['blocked', 'closed', 'denied', 'expired', 'timeout'];

/**
 * The sign-in control's styles, kept out of the main bundle: plain rules, written compact, as in
 * components/fields/rare-styles.ts (which says why).
 */
const signInRules = [
  '.auth-actions{display:flex;flex-wrap:wrap;gap:8px}',
  '.auth-done{margin:0;margin-block-end:6px;color:var(--_ok);font-weight:600}',
];
/** The sheets that have them already: every element lends the same one, and each makes its own kit. */
const styled = new WeakSet<CSSStyleSheet>();

export type SignInKit = ReturnType<typeof signInKit>;

/** Signing in, for one element. */
export function signInKit(host: SignInHost) {
  const { sheet } = host;
  if (sheet && !styled.has(sheet)) {
    styled.add(sheet);
    for (const rule of signInRules) sheet.insertRule(rule, sheet.cssRules.length);
  }
  /** By form; a form that is gone takes its sign-in with it. */
  const states = new WeakMap<OpenForm, SignInState>();
  const say = (key: TextKey): Said => () => host.t()(key);

  /** Waits for `work`'s values and writes them into the form, or says why there are none. */
  async function finish(form: OpenForm, work: () => Promise<AuthValue[]>): Promise<void> {
    try {
      const values = await work();
      form.state.restore(applyAuthValues(form.state.value, values));
      states.set(form, {});
      host.status(say('authenticated'));
    } catch (error) {
      if (host.life().aborted) return;
      const said = (error as { reason?: unknown } | null)?.reason;
      const reason = (REASONS.includes(said) ? said : 'failed') as OAuthFailure;
      const failed = say(`auth.${reason}`);
      states.set(form, { error: failed, offerTab: reason === 'blocked' });
      host.status(failed);
      host.error({ code: `oauth_${reason}`, message: host.english(`auth.${reason}`), operation: 'oauth' });
    }
    host.update();
  }

  /**
   * "Authenticate with …": checks the fields the provider needs first, opens the popup inside this click (so that
   * blockers allow it), then signs in and writes what comes back into the form. A blocked popup offers the same
   * sign-in in this tab; every other failure says why and leaves the button to try again.
   */
  function signIn(form: OpenForm): void {
    const { state } = form;
    if (states.get(form)?.busy) return;
    const inputs = state.model.auth?.inputPaths ?? [];
    const errors = state.validate();
    inputs.forEach(({ path }) => state.touch(path));
    if (inputs.some(({ path }) => errors.has(pathKey(path)))) return host.update(true);
    const popup = openPopup();
    states.set(form, { busy: true });
    host.status(say('authWaiting'));
    host.update();
    void finish(form, () =>
      authorize({
        api: host.api(),
        apiBaseUrl: host.apiBaseUrl(),
        templateId: form.template.id,
        popup,
        inputs: authInputs(state.model, state.value),
        signal: host.life(),
      }),
    );
  }

  /** The same sign-in in this tab: the page goes to the provider and this form comes back, secrets excepted. */
  function signInHere(form: OpenForm): void {
    const { model, value } = form.state;
    states.set(form, { busy: true });
    host.update();
    void finish(form, async () => {
      await startRedirect({
        api: host.api(),
        templateId: form.template.id,
        sourceId: form.source?.id,
        inputs: authInputs(model, value),
        values: withoutSecrets(model, value),
        signal: host.life(),
      });
      return new Promise<never>(() => {}); // the page is leaving
    });
  }

  return {
    /** `model` with the sign-in `advancedAuth` describes, if it is usable. */
    withAuth,

    /** The sign-in control for the form, while the sign-in is offered. */
    view(form: OpenForm): AuthView | undefined {
      const { model, value } = form.state;
      if (!model.auth || !authActive(model, value)) return undefined;
      const { busy, error, offerTab } = states.get(form) ?? {};
      const view = {
        base: model.auth.predicate?.path.slice(0, -1) ?? [],
        hidden: authHidden(model, value),
        name: form.template.name,
        done: authComplete(model, value),
        busy: Boolean(busy),
        error: error?.(),
        offerTab: Boolean(offerTab),
        onAuthenticate: () => signIn(form),
        onContinueInTab: () => signInHere(form),
      };
      return { ...view, render: () => authControl(view, { t: host.t() }, host.lit) };
    },

    /**
     * The form's problems as a submit counts them: the sign-in's outputs are out of view, so their errors become
     * one missing sign-in, which the button then says ("Authentication required").
     */
    problems(form: OpenForm): [fields: number, signInMissing: boolean] {
      const { model, value } = form.state;
      const hidden = authHidden(model, value);
      const fields = [...form.state.validate().keys()].filter((key) => !hidden.has(key)).length;
      const signInMissing = authActive(model, value) && !authComplete(model, value);
      if (signInMissing) states.set(form, { ...states.get(form), error: say('authRequired') });
      return [fields, signInMissing];
    },

    /** A return from a same-tab sign-in: reopens its form with what was typed, and finishes signing in. */
    async resume(): Promise<boolean> {
      const back = takeRedirectReturn();
      if (!back) return false;
      const { record } = back;
      const form = await host.open(record.templateId, record.sourceId);
      if (!form) return true;
      form.state.restore(record.values as Record<string, unknown>);
      await finish(form, () => completeRedirect(host.api(), back, host.life()));
      return true;
    },
  };
}
