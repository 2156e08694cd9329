import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/translate.js';

/** After a create or an update: say so plainly, and offer the way back. */
export function doneView(name: string, created: boolean, onDone: () => void, t: Translate): TemplateResult {
  return html`<section class="done" part="done">
    <div class="check-mark" aria-hidden="true">✓</div>
    <h2 tabindex="-1" part="heading">${created ? t('createdTitle', { name }) : t('updatedTitle', { name })}</h2>
    <p part="message">${t('connectedAt')}</p>
    <button type="button" class="primary" part="button primary" @click=${onDone}>${t('done')}</button>
  </section>`;
}
