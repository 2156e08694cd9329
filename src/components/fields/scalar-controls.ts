import { html, noChange, nothing, type TemplateResult } from 'lit';
import {
  SECRET_MASK,
  type BooleanField,
  type EnumField,
  type Field,
  type NumberField,
  type StringField,
  type ValuePath,
} from '../../spec/model.js';
import { toNumber } from '../../spec/util.js';
import { pathKey } from '../../validation/path-key.js';
import { dateKind, toNative, toPattern } from './date-format.js';
import { idFor, invalid, touched, type FieldContext } from './field-context.js';
import { description, describedBy, errorText, frame } from './field-frame.js';

function placeholder(field: StringField | NumberField): string | typeof nothing {
  const example = field.examples?.[0];
  if (example !== undefined && typeof example !== 'object') return String(example);
  return field.kind === 'number' && typeof field.default === 'number' ? String(field.default) : nothing;
}

export function stringControl(field: StringField, path: ValuePath, ctx: FieldContext): TemplateResult {
  const { state } = ctx;
  const key = pathKey(path);
  const value = state.get(path);
  const id = idFor('f', path);
  // A saved secret comes back as the mask: shown as set (never in the input) and sent back as is unless replaced.
  const saved = field.secret && ctx.editing && value === SECRET_MASK;
  if (saved) state.savedSecrets.add(key);
  const revealed = state.revealed.has(key);
  const date = field.secret ? undefined : dateKind(field.format, field.pattern);
  const shown = saved || typeof value !== 'string' ? (typeof value === 'number' ? String(value) : '') : value;
  const set = (next: string | undefined) => {
    state.drafts.delete(key);
    state.set(path, next || undefined);
    ctx.update();
  };
  const onInput = (event: Event) => set((event.target as HTMLInputElement).value);
  const blur = touched(path, ctx);
  const attrs = {
    described: describedBy(field, path, ctx, saved ? idFor('s', path) : undefined),
    invalid: invalid(path, ctx),
  };
  // A textarea has no password type: a secret one is masked by CSS, so newlines survive and nothing shows.
  const control = field.multiline
    ? html`<textarea
        id=${id}
        part="input"
        rows="3"
        class=${field.secret && !revealed ? 'masked' : ''}
        .value=${shown}
        ?required=${field.required && !saved}
        ?readonly=${field.readOnly || saved}
        aria-invalid=${attrs.invalid}
        aria-describedby=${attrs.described}
        placeholder=${placeholder(field)}
        autocomplete="off"
        spellcheck="false"
        @input=${onInput}
        @blur=${blur}
      ></textarea>`
    : html`<input
        id=${id}
        part="input"
        type=${field.secret && !revealed ? 'password' : 'text'}
        .value=${shown}
        ?required=${field.required && !saved}
        ?readonly=${field.readOnly || saved}
        aria-invalid=${attrs.invalid}
        aria-describedby=${attrs.described}
        placeholder=${saved ? '••••••••' : placeholder(field)}
        autocomplete=${field.secret ? 'new-password' : 'off'}
        spellcheck="false"
        @input=${onInput}
        @change=${date
          ? (event: Event) => {
              // Typed dates are rewritten in the pattern's format; anything unreadable stays for validation to flag.
              const next = toPattern((event.target as HTMLInputElement).value, date);
              if (next) set(next);
            }
          : nothing}
        @blur=${blur}
      />`;
  const toggle =
    field.secret && !saved
      ? html`<button
          type="button"
          class="ghost"
          part="button reveal"
          aria-pressed=${revealed ? 'true' : 'false'}
          aria-controls=${id}
          @click=${() => {
            if (revealed) state.revealed.delete(key);
            else state.revealed.add(key);
            ctx.update();
          }}
        >
          ${revealed ? ctx.t('hide') : ctx.t('show')}
        </button>`
      : nothing;
  // Edit mode: "Replace" empties and unlocks a saved secret; "Cancel" puts the mask (the saved value) back.
  const replace =
    field.secret && ctx.editing && state.savedSecrets.has(key)
      ? html`<button
          type="button"
          class="secondary"
          part="button replace"
          @click=${(event: Event) => {
            if (saved) (event.target as Element).parentElement!.querySelector<HTMLElement>('input, textarea')!.focus();
            else state.revealed.delete(key);
            set(saved ? undefined : SECRET_MASK);
          }}
        >
          ${saved ? ctx.t('replace', { name: field.title }) : ctx.t('cancel')}
        </button>`
      : nothing;
  // A native picker next to the text input: it writes exactly the pattern's format, in UTC.
  const picker = date
    ? html`<input
        type=${date.type}
        class="picker"
        part="picker"
        step=${date.type === 'datetime-local' ? (date.digits ? '0.001' : '1') : nothing}
        aria-label=${ctx.t('pickDate')}
        .value=${value === undefined && state.drafts.has(key) ? noChange : toNative(value, date)}
        ?disabled=${field.readOnly}
        @input=${(event: Event) => {
          const native = (event.target as HTMLInputElement).value;
          set(toPattern(native, date));
          // An unfinished date reads as '' and leaves no value. Writing '' back would empty the picker, so what was
          // entered so far stays, as a draft, until the value changes (set() drops it).
          if (!native) state.drafts.set(key, native);
        }}
        @blur=${blur}
      />`
    : nothing;
  return frame(
    field,
    path,
    ctx,
    html`<div class="control-row">${control}${toggle}${replace}${picker}</div>
      ${saved ? html`<p class="hint" part="hint" id=${idFor('s', path)}>${ctx.t('secretSaved')}</p>` : nothing}`,
  );
}

export function numberControl(field: NumberField, path: ValuePath, ctx: FieldContext): TemplateResult {
  const key = pathKey(path);
  const value = ctx.state.get(path);
  const shown = ctx.state.drafts.get(key) ?? String(value ?? '');
  return frame(
    field,
    path,
    ctx,
    html`<input
      id=${idFor('f', path)}
      part="input"
      type="text"
      inputmode=${field.integer ? 'numeric' : 'decimal'}
      .value=${shown}
      ?required=${field.required}
      ?readonly=${field.readOnly}
      aria-invalid=${invalid(path, ctx)}
      aria-describedby=${describedBy(field, path, ctx)}
      placeholder=${placeholder(field)}
      autocomplete="off"
      @input=${(event: Event) => {
        // Shown as typed, read without the spaces around it (toNumber allows them).
        const typed = (event.target as HTMLInputElement).value;
        ctx.state.drafts.set(key, typed);
        // Keep what cannot be read as a number as text, so validation can say so and nothing typed is lost.
        ctx.state.set(path, toNumber(typed) ?? (typed.trim() || undefined));
        ctx.update();
      }}
      @blur=${touched(path, ctx)}
    />`,
  );
}

export function booleanControl(field: BooleanField, path: ValuePath, ctx: FieldContext): TemplateResult {
  const id = idFor('f', path);
  return html`<div class="field checkbox" part="field">
    <div class="label-row">
      <input
        id=${id}
        part="checkbox"
        type="checkbox"
        .checked=${ctx.state.get(path) === true}
        ?disabled=${field.readOnly}
        aria-describedby=${describedBy(field, path, ctx)}
        @change=${(event: Event) => {
          ctx.state.set(path, (event.target as HTMLInputElement).checked);
          ctx.update();
        }}
      />
      <label for=${id} part="label">${field.title}</label>
    </div>
    ${description(field, path)} ${errorText(path, ctx)}
  </div>`;
}

export function enumControl(field: EnumField, path: ValuePath, ctx: FieldContext): TemplateResult {
  const value = ctx.state.get(path);
  const index = field.options.findIndex((option) => option === value);
  const options = field.options.map((option, i) => [String(option), i] as const);
  const pick = (i: number) => ctx.state.set(path, i >= 0 ? field.options[i] : undefined);
  return frame(field, path, ctx, selectControl(field, path, ctx, options, index, pick, true, field.readOnly));
}

/**
 * A select of `options` (label, index), `index` the chosen one; picking touches the field. "Choose an option" leads
 * it while nothing is chosen, and always when `unset` (an enum can be set back to no value; a oneOf cannot).
 */
export function selectControl(
  field: Field,
  path: ValuePath,
  ctx: FieldContext,
  options: readonly (readonly [string, number])[],
  index: number,
  pick: (index: number) => void,
  unset: boolean,
  disabled?: boolean,
): TemplateResult {
  const done = touched(path, ctx);
  return html`<select
    id=${idFor('f', path)}
    part="select"
    ?required=${field.required}
    ?disabled=${disabled}
    aria-invalid=${invalid(path, ctx)}
    aria-describedby=${describedBy(field, path, ctx)}
    @change=${(event: Event) => {
      pick(Number((event.target as HTMLSelectElement).value));
      done();
    }}
  >
    ${unset || index < 0 ? html`<option value="-1" ?selected=${index < 0}>${ctx.t('v.chooseOption')}</option>` : nothing}
    ${options.map(([label, i]) => html`<option value=${i} ?selected=${i === index}>${label}</option>`)}
  </select>`;
}
