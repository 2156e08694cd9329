import { html, nothing, type TemplateResult } from 'lit';
import type { SourceTemplate } from '../../api/schemas.js';
import { renderForm } from '../fields/group-controls.js';
import type { FieldContext } from '../fields/field-context.js';

/** What the form is busy with; while busy, further clicks are ignored. */
export type FormTask = 'check' | 'save' | 'delete' | undefined;

export interface Banner {
  readonly tone: 'error' | 'success';
  /** Made when shown, so that it follows the locale. */
  readonly title: () => string;
  readonly detail?: string;
}

export interface FormViewProps {
  readonly template: SourceTemplate;
  readonly sourceName?: string;
  readonly ctx: FieldContext;
  readonly task: FormTask;
  readonly banner?: Banner;
  /** Shown beside the busy spinner, e.g. that a call is being retried. */
  readonly notice: () => string;
  /** What the busy form is doing ("Testing the connection…"), shown beside the spinner. */
  readonly doing: () => string;
  readonly confirmingDelete: boolean;
  readonly onBack: () => void;
  readonly onCheck: () => void;
  readonly onSubmit: () => void;
  readonly onDelete: () => void;
  readonly onConfirmDelete: (confirmed: boolean) => void;
}

export function banner(value: Banner | undefined): TemplateResult | typeof nothing {
  if (!value) return nothing;
  return html`<div class="banner ${value.tone}" part="banner" role=${value.tone === 'error' ? 'alert' : 'status'}>
    <strong part="banner-title">${value.title()}</strong>
    ${value.detail ? html`<span part="banner-detail">${value.detail}</span>` : nothing}
  </div>`;
}

/** One template's form: fields, connection test, save, and for a saved source, delete. */
export function formView(props: FormViewProps): TemplateResult {
  const { editing, t } = props.ctx;
  // Bound to aria-busy as it is: an attribute binding writes "true" or "false".
  const busy = props.task !== undefined;
  const name = props.sourceName ?? props.template.name;
  return html`<form
    part="form"
    novalidate
    aria-busy=${busy}
    @submit=${(event: Event) => {
      event.preventDefault();
      props.onSubmit();
    }}
  >
    <div class="heading-row">
      <button type="button" class="ghost back" part="button back" @click=${props.onBack}><span aria-hidden="true">←</span> ${t('back')}</button>
      <h2 tabindex="-1" part="heading">${name}</h2>
    </div>
    ${banner(props.banner)} ${renderForm(props.ctx.state.model, props.ctx)}
    ${props.confirmingDelete
      ? html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text">${t('deleteQuestion', { name })}</p>
          <div class="actions">
            <button type="button" class="danger" part="button danger" @click=${() => props.onConfirmDelete(true)}>
              ${t('confirmDelete')}
            </button>
            <button type="button" class="secondary" part="button secondary" @click=${() => props.onConfirmDelete(false)}>
              ${t('cancel')}
            </button>
          </div>
        </div>`
      : html`<div class="actions" part="actions">
          <button type="submit" class="primary" part="button primary">${editing ? t('saveChanges') : t('connect')}</button>
          <button type="button" class="secondary" part="button secondary" @click=${props.onCheck}>${t('testConnection')}</button>
          ${editing
            ? html`<button type="button" class="danger-text" part="button delete" @click=${props.onDelete}>${t('delete')}</button>`
            : nothing}
          ${busy ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>${props.notice()
                ? html`<span class="notice" part="notice">${props.notice()}</span>`
                : html`<span class="doing" part="doing" aria-hidden="true">${props.doing()}</span>`}` : nothing}
        </div>`}
  </form>`;
}
