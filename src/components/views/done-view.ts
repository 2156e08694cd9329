import { html, type TemplateResult } from 'lit';
import { ui } from '../messages.js';

/** After a create or an update: say so plainly, and offer the way back. */
export function doneView(name: string, created: boolean, onDone: () => void): TemplateResult {
  return html`<section class="done" part="done">
    <div class="check-mark" aria-hidden="true">✓</div>
    <h2 tabindex="-1">${created ? ui.createdTitle(name) : ui.updatedTitle(name)}</h2>
    <p>${ui.connectedAt}</p>
    <button type="button" class="primary" part="button primary" @click=${onDone}>${ui.done}</button>
  </section>`;
}
