import type { nothing, TemplateResult } from 'lit';
import type { OneOfNode, ValuePath } from '../../spec/model.js';
import { touched, type FieldContext } from './field-context.js';
import type { FieldKit } from './field-kit.js';
import type { BranchChoice } from './group-controls.js';

/** A oneOf shown as radio cards (`display: radio`), with its help, error and the chosen branch's fields (`body`). */
export const radioCards = ({ html, nothing, idFor, description, describedBy, errorText, hint }: FieldKit) =>
  function radioCards(
    field: OneOfNode,
    path: ValuePath,
    ctx: FieldContext,
    { offered, index, choose }: BranchChoice,
    body: TemplateResult | typeof nothing,
  ): TemplateResult {
    // One place per branch, whether offered or not: a hidden branch leaves the list once another is chosen, and
    // Lit, which reuses the inputs by place and rewrites `.checked` only when its value changes, would otherwise
    // leave the radio the user clicked checked in the next branch's card.
    const chooser = html`<fieldset class="radios" part="radios" aria-describedby=${describedBy(field, path, ctx)}>
      <legend part="legend">${field.title}</legend>
      ${field.branches.map((option, i) => {
        if (!offered.some(([, j]) => j === i)) return nothing;
        const id = idFor(`r${i}`, path);
        // The card is the click target; the radio is named by the title alone and described by the description.
        return html`<label class="radio-card" part="radio-card">
          <input
            part="radio"
            type="radio"
            name=${idFor('r', path)}
            .checked=${i === index}
            aria-labelledby=${id}
            aria-describedby=${option.description ? idFor(`b${i}`, path) : nothing}
            @change=${() => {
              choose(i);
              touched(path, ctx)();
            }}
          />
          <span id=${id}>${option.title}</span>
          ${hint(option.description, idFor(`b${i}`, path))}
        </label>`;
      })}
    </fieldset>`;
    return html`<div class="field" part="field">${chooser} ${description(field, path)} ${errorText(path, ctx)} ${body}</div>`;
  };
