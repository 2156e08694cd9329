import { html, noChange, nothing, type TemplateResult } from 'lit';
import { directive, Directive, type Part } from 'lit/directive.js';
import type { Field, ValuePath } from '../../spec/model.js';
import { richText } from '../rich-text.js';
import { idFor, type FieldContext } from './field-context.js';

/** The ids a control points at with aria-describedby, when those elements exist. */
export function describedBy(field: Field, path: ValuePath, ctx: FieldContext, extra?: string): string | typeof nothing {
  return [field.description && idFor('d', path), ctx.state.errorAt(path) && idFor('e', path), extra].filter(Boolean).join(' ') || nothing;
}

/**
 * A description as safe DOM (richText), made anew only when its text changes: a fresh fragment on every render
 * would replace what the reader sees (a selection, a hovered link) each time. Lit's guard() does this for any
 * dependencies; this one needs only the text, and keeps guard's 68 B (gzip) off the common path's size budget.
 */
const richDescription = directive(
  class extends Directive {
    #text?: string;
    render(text: string): DocumentFragment {
      return richText(text);
    }
    override update(_part: Part, [text]: [string]) {
      if (text === this.#text) return noChange;
      this.#text = text;
      return richText(text);
    }
  },
);

/** Help text from a spec, through the sanitiser; `id` is what controls point at with aria-describedby. */
export function hint(text: string | undefined, id: string): TemplateResult | typeof nothing {
  return text ? html`<div class="hint" id=${id} part="hint">${richDescription(text)}</div>` : nothing;
}

export function description(field: Field, path: ValuePath): TemplateResult | typeof nothing {
  return hint(field.description, idFor('d', path));
}

export function errorText(path: ValuePath, ctx: FieldContext): TemplateResult | typeof nothing {
  const message = ctx.state.errorAt(path);
  return message ? html`<p class="error" id=${idFor('e', path)} part="error">${message}</p>` : nothing;
}

/** Label, control, help and error for one field. The label holds the title only: it is the accessible name. */
export function frame(field: Field, path: ValuePath, ctx: FieldContext, control: TemplateResult): TemplateResult {
  return html`<div class="field" part="field">
    <div class="label-row">
      <label for=${idFor('f', path)} part="label">${field.title}</label>
      ${field.required ? nothing : html`<span class="tag" part="optional-tag" aria-hidden="true">${ctx.t('optional')}</span>`}
      ${field.patternDescriptor ? html`<span class="format" part="format" aria-hidden="true">${field.patternDescriptor}</span>` : nothing}
    </div>
    ${control} ${description(field, path)} ${errorText(path, ctx)}
  </div>`;
}
