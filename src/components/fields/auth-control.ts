import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { ValuePath } from '../../spec/model.js';
import type { FieldContext } from './field-context.js';

/** What the form shows for a template with `advanced_auth` while its predicate holds (spec-dialect §3.10). */
export interface AuthView {
  /** The object whose fields the control heads: the OAuth branch, or the whole form. */
  readonly base: ValuePath;
  /** Path keys of the sign-in's outputs, kept out of view (they are filled by signing in). */
  readonly hidden: ReadonlySet<string>;
  /** The template's name, for "Authenticate with …". */
  readonly name: string;
  /** Every output has a value: signed in (or a saved source's stored sign-in). */
  readonly done: boolean;
  /** The sign-in window is open. */
  readonly busy: boolean;
  /** Why the last attempt failed, or that signing in is required. */
  readonly error?: string;
  /** The popup could not open: offer to sign in in this tab instead. */
  readonly offerTab: boolean;
  /** Opens the sign-in window; must run in the click itself, so that popup blockers allow it. */
  readonly onAuthenticate: () => void;
  readonly onContinueInTab: () => void;
  /** The control itself (made by the sign-in chunk). */
  readonly render: () => TemplateResult;
}

/** Lit, lent by the element: the sign-in chunk carries no copy of its own. */
export interface Lit {
  readonly html: typeof litHtml;
  readonly nothing: typeof litNothing;
}

/** The "Authenticate with …" button, its outcome, and the way on when the popup is blocked. */
export function authControl(auth: Omit<AuthView, 'render'>, ctx: Pick<FieldContext, 't'>, { html, nothing }: Lit): TemplateResult {
  const { t } = ctx;
  return html`<div class="field auth" part="field auth">
    ${auth.done ? html`<p class="auth-done" part="auth-status"><span aria-hidden="true">✓</span> ${t('authenticated')}</p>` : nothing}
    <div class="auth-actions">
      <button
        type="button"
        class=${auth.done ? 'secondary' : 'primary'}
        part="button auth"
        aria-describedby=${auth.error ? 'auth-error' : nothing}
        @click=${auth.onAuthenticate}
      >
        ${auth.done ? t('reauthenticate') : t('authenticateWith', { name: auth.name })}
      </button>
      ${auth.offerTab ? html`<button type="button" class="secondary" part="button secondary" @click=${auth.onContinueInTab}>${t('continueInTab')}</button>` : nothing}
    </div>
    ${auth.busy ? html`<p class="hint" part="hint">${t('authWaiting')}</p>` : nothing}
    ${auth.error ? html`<p class="error" id="auth-error" part="error">${auth.error}</p>` : nothing}
  </div>`;
}
