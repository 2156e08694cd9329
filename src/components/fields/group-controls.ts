import { html, nothing, type TemplateResult } from 'lit';
import { childPath, selectedBranchIndex, toNumber } from '../../spec/util.js';
import type { Field, FormModel, ListField, ObjectNode, OneOfBranch, OneOfNode, Scalar, ValuePath } from '../../spec/model.js';
import { pathKey } from '../../validation/path-key.js';
import { idFor, invalid, listValue, touched, type FieldContext } from './field-context.js';
import { description, describedBy, errorText, frame } from './field-frame.js';
import { rareKinds } from './load-field-kinds.js';
import { booleanControl, enumControl, numberControl, selectControl, stringControl } from './scalar-controls.js';

/** Shown expanded: what Airbyte's form treats as required-like. The rest folds under "Optional fields". */
function isProminent(field: Field): boolean {
  return field.required || field.alwaysShow || field.kind === 'one-of' || field.kind === 'object';
}

/** A list of sibling fields: the prominent ones, then the optional ones in a collapsed section. */
export function renderFields(fields: readonly Field[], base: ValuePath, ctx: FieldContext): TemplateResult {
  const { state, auth } = ctx;
  const visible = fields.filter((field) => shown(field, base, ctx));
  const main = visible.filter(isProminent);
  const optional = visible.filter((field) => !isProminent(field));
  // Opens when a field in it differs from its default or shows an error: nothing the user set, and no problem,
  // is ever folded out of view. Once opened it stays open until the user closes it.
  const paths = optional.map((field) => childPath(field, base));
  const key = pathKey(paths[0] ?? base);
  const open =
    paths.some((path) => state.errorsUnder(path)) ||
    (state.open.get(key) ??
      optional.some((field, i) => {
        const value = state.get(paths[i]!);
        return value !== undefined && JSON.stringify(value) !== JSON.stringify(field.default);
      }));
  // The sign-in button heads the OAuth branch (the form itself heads it when the predicate is at the root).
  const heading = auth && base.length && pathKey(auth.base) === pathKey(base) ? auth.render() : nothing;
  return html`${heading}${main.map((field) => renderField(field, childPath(field, base), ctx))}
  ${optional.length
    ? html`<details
        class="optional"
        part="optional"
        ?open=${open}
        @toggle=${(event: Event) => state.open.set(key, (event.target as HTMLDetailsElement).open)}
      >
        <summary part="summary">${ctx.t('optionalFields')}</summary>
        ${optional.map((field, i) => renderField(field, paths[i]!, ctx))}
      </details>`
    : nothing}`;
}

/**
 * The whole form: root fields in cards by their `group` (spec-dialect §3.3). Ungrouped fields first, then the ids
 * of the spec's `groups` in order, then other ids in natural order, `advanced` always last. A card is titled by
 * its `groups` entry; an untitled lone card is no card at all.
 */
export function renderForm(model: FormModel, ctx: FieldContext): TemplateResult {
  const heading = ctx.auth && !ctx.auth.base.length ? ctx.auth.render() : nothing;
  return html`${heading}${cardsOf(model, ctx)}`;
}

/** A field the form shows: not hidden by the spec, not a constant, and not filled by signing in. */
function shown(field: Field, base: ValuePath, ctx: FieldContext): boolean {
  return !field.hidden && field.kind !== 'const' && !ctx.auth?.hidden.has(pathKey(childPath(field, base)));
}

function cardsOf(model: FormModel, ctx: FieldContext): TemplateResult {
  const cards = new Map<string, Field[]>();
  for (const field of model.root.fields) {
    const id = field.group ?? 'default';
    if (shown(field, [], ctx)) cards.set(id, [...(cards.get(id) ?? []), field]);
  }
  const listed = model.groups.map((group) => group.id);
  const rank = (id: string) => (id === 'default' ? -1 : id === 'advanced' ? 1e9 : listed.includes(id) ? listed.indexOf(id) : 1e6);
  const ids = [...cards.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
  const title = (id: string) => model.groups.find((group) => group.id === id)?.title;
  if (ids.length < 2 && !title(ids[0] ?? '')) return renderFields(model.root.fields, [], ctx);
  return html`${ids.map(
    (id) => html`<div class="card" part="card">
      ${title(id) ? html`<h3 part="card-title">${title(id)}</h3>` : nothing} ${renderFields(cards.get(id)!, [], ctx)}
    </div>`,
  )}`;
}

export function renderField(field: Field, path: ValuePath, ctx: FieldContext): TemplateResult | typeof nothing {
  switch (field.kind) {
    case 'string':
      return stringControl(field, path, ctx);
    case 'number':
      return numberControl(field, path, ctx);
    case 'boolean':
      return booleanControl(field, path, ctx);
    case 'enum':
      return enumControl(field, path, ctx);
    case 'list':
      return field.options ? multiSelect(field, field.options, path, ctx) : tagList(field, path, ctx);
    case 'object':
      return objectGroup(field, path, ctx);
    case 'object-list':
      return rareKinds().objectList(field, path, ctx);
    case 'one-of':
      return oneOf(field, path, ctx);
    case 'json':
      return rareKinds().jsonControl(field, path, ctx);
    default:
      return nothing;
  }
}

/** A fieldset titled by the field, with its help and error above `body`. */
export function group(field: Field, path: ValuePath, ctx: FieldContext, body: TemplateResult): TemplateResult {
  return html`<fieldset class="group" part="group" aria-describedby=${describedBy(field, path, ctx)}>
    <legend part="legend">${field.title}</legend>
    ${description(field, path)} ${errorText(path, ctx)} ${body}
  </fieldset>`;
}

function objectGroup(field: ObjectNode, path: ValuePath, ctx: FieldContext): TemplateResult {
  return group(field, path, ctx, renderFields(field.fields, path, ctx));
}

/** A oneOf's branches as offered, the chosen one's index (-1: none), and how to choose another. */
export interface BranchChoice {
  readonly offered: readonly (readonly [OneOfBranch, number])[];
  readonly index: number;
  readonly choose: (index: number) => void;
}

function oneOf(field: OneOfNode, path: ValuePath, ctx: FieldContext): TemplateResult {
  const index = selectedBranchIndex(field, ctx.state.get(path));
  const choose = (next: number) => ctx.state.chooseBranch(path, field, next);
  const branch = field.branches[index];
  // A hidden branch is offered only when it is the stored choice.
  const offered = field.branches.map((option, i) => [option, i] as const).filter(([option, i]) => !option.hidden || i === index);
  const body = branch ? html`<div class="branch" part="branch">${renderFields(branch.fields, path, ctx)}</div>` : nothing;
  if (field.display === 'radio') return rareKinds().radioCards(field, path, ctx, { offered, index, choose }, body);
  const chooser = selectControl(field, path, ctx, offered.map(([option, i]) => [option.title, i] as const), index, choose, false);
  return html`${frame(field, path, ctx, chooser)}${body}`;
}

function multiSelect(field: ListField, options: readonly Scalar[], path: ValuePath, ctx: FieldContext): TemplateResult {
  const selected = listValue(ctx, path);
  return group(
    field,
    path,
    ctx,
    html`<div class="choices">
      ${options.map((option, i) => {
        const id = idFor(`o${i}`, path);
        return html`<span class="choice">
          <input
            id=${id}
            part="checkbox"
            type="checkbox"
            .checked=${selected.includes(option)}
            @change=${(event: Event) => {
              const on = (event.target as HTMLInputElement).checked;
              const next = options.filter((o) => (o === option ? on : selected.includes(o)));
              ctx.state.set(path, next.length ? next : undefined);
              touched(path, ctx)();
            }}
          />
          <label for=${id} part="label">${String(option)}</label>
        </span>`;
      })}
    </div>`,
  );
}

function tagList(field: ListField, path: ValuePath, ctx: FieldContext): TemplateResult {
  const key = pathKey(path);
  const items = listValue(ctx, path);
  const parse = (text: string): unknown => (field.itemType === 'string' ? text : (toNumber(text) ?? text));
  const commit = (text: string) => {
    const parts = text.split(/[,\r\n]/).map((part) => part.trim()).filter(Boolean);
    ctx.state.drafts.delete(key);
    if (parts.length) ctx.state.set(path, [...items, ...parts.map(parse)]);
    // A value just added is checked at once (e.g. text in a list of numbers).
    parts.forEach((_, i) => ctx.state.touch([...path, items.length + i]));
    ctx.update();
  };
  const removeAt = (i: number) => {
    const next = items.filter((_, j) => j !== i);
    ctx.state.set(path, next.length ? next : undefined);
    ctx.update();
  };
  return frame(
    field,
    path,
    ctx,
    html`${items.length
        ? html`<ul class="tags" part="tags">
            ${items.map((item, i) => {
              const error = ctx.state.errorAt([...path, i]);
              return html`<li class="chip" part="chip">
                <span>${String(item)}</span>
                <button type="button" class="ghost" part="button remove" aria-label=${ctx.t('removeValue', { name: String(item) })} @click=${() => removeAt(i)}>
                  ×
                </button>
                ${error ? html`<span class="error" part="error">${error}</span>` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing}
      <input
        id=${idFor('f', path)}
        part="input"
        type="text"
        .value=${ctx.state.drafts.get(key) ?? ''}
        aria-invalid=${invalid(path, ctx)}
        aria-describedby=${describedBy(field, path, ctx, idFor('l', path))}
        placeholder=${field.examples?.length ? String(field.examples[0]) : nothing}
        autocomplete="off"
        @input=${(event: Event) => {
          ctx.state.drafts.set(key, (event.target as HTMLInputElement).value);
          // Rendered with it, so that committing (which empties the draft) empties the input too.
          ctx.update();
        }}
        @keydown=${(event: KeyboardEvent) => {
          const input = event.target as HTMLInputElement;
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            commit(input.value);
          } else if (event.key === 'Backspace' && input.value === '' && items.length) {
            removeAt(items.length - 1);
          }
        }}
        @paste=${(event: ClipboardEvent) => {
          // A pasted list (comma- or newline-separated) becomes one value per item; a single value pastes as usual.
          const text = event.clipboardData?.getData('text') ?? '';
          if (!/[,\r\n]/.test(text)) return;
          event.preventDefault();
          const input = event.target as HTMLInputElement;
          const draft = input.value;
          commit(draft.slice(0, input.selectionStart ?? draft.length) + text + draft.slice(input.selectionEnd ?? draft.length));
        }}
        @blur=${(event: Event) => {
          // Typed but never committed: keep it rather than lose it.
          commit((event.target as HTMLInputElement).value);
          ctx.state.touch(path);
        }}
      />
      <p class="hint" part="hint" id=${idFor('l', path)}>${ctx.t('listHint')}</p>`,
  );
}
