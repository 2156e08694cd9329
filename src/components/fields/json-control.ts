import type { TemplateResult } from 'lit';
import type { JsonField, ValuePath } from '../../spec/model.js';
import { invalid, touched, type FieldContext } from './field-context.js';
import type { FieldKit } from './field-kit.js';

/** The fallback for a shape the form cannot show as controls: its value as JSON text. */
export const jsonControl = ({ html, pathKey, idFor, frame, describedBy }: FieldKit) =>
  function jsonControl(field: JsonField, path: ValuePath, ctx: FieldContext): TemplateResult {
    const key = pathKey(path);
    const value = ctx.state.get(path);
    const shown = ctx.state.drafts.get(key) ?? (value === undefined ? '' : JSON.stringify(value, null, 2));
    return frame(
      field,
      path,
      ctx,
      html`<textarea
          id=${idFor('f', path)}
          part="input"
          rows="4"
          class="mono"
          .value=${shown}
          aria-invalid=${invalid(path, ctx)}
          aria-describedby=${describedBy(field, path, ctx, idFor('j', path))}
          spellcheck="false"
          @input=${(event: Event) => {
            const text = (event.target as HTMLTextAreaElement).value;
            ctx.state.drafts.set(key, text);
            let parsed: unknown;
            let readable = true;
            try {
              parsed = text.trim() === '' ? undefined : JSON.parse(text);
            } catch {
              readable = false; // the text stays as typed (in drafts) and the field says it is not valid JSON
            }
            ctx.state.unparsedJson[readable ? 'delete' : 'add'](key);
            ctx.state.set(path, parsed);
            ctx.update();
          }}
          @blur=${touched(path, ctx)}
        ></textarea>
        <p class="hint" part="hint" id=${idFor('j', path)}>${ctx.t('jsonHint')} ${ctx.t(field.reason, { type: field.of ?? '' })}</p>`,
    );
  };
