import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { selectedBranchIndex, switchBranch } from '../../spec/branch.js';
import { createValue } from '../../spec/initial-value.js';
import { childPath } from '../../spec/util.js';
import type { Field, ListField, ObjectListField, ObjectNode, OneOfNode, Scalar, ValuePath } from '../../spec/model.js';
import { pathKey } from '../../validation/path-key.js';
import { ui } from '../messages.js';
import { idFor, type FieldContext } from './field-context.js';
import { description, describedBy, errorText, frame } from './field-frame.js';
import { booleanControl, enumControl, jsonControl, numberControl, stringControl } from './scalar-controls.js';

/** Shown expanded: what Airbyte's form treats as required-like. The rest folds under "Optional fields". */
function isProminent(field: Field): boolean {
  return field.required || field.alwaysShow || field.kind === 'one-of' || field.kind === 'object';
}

/** A list of sibling fields: the prominent ones, then the optional ones in a collapsed section. */
export function renderFields(fields: readonly Field[], base: ValuePath, ctx: FieldContext): TemplateResult {
  const visible = fields.filter((field) => !field.hidden && field.kind !== 'const');
  const main = visible.filter(isProminent);
  const optional = visible.filter((field) => !isProminent(field));
  // Open the optional section when a field in it differs from its default or has an error: nothing the user
  // set, and no problem, is ever folded out of view.
  const open = optional.some((field) => {
    const path = childPath(field, base);
    const value = ctx.state.get(path);
    return (value !== undefined && JSON.stringify(value) !== JSON.stringify(field.default)) || ctx.state.errorAt(path);
  });
  return html`${main.map((field) => renderField(field, childPath(field, base), ctx))}
  ${optional.length
    ? html`<details class="optional" part="optional" ?open=${open}>
        <summary>${ui.optionalFields}</summary>
        ${optional.map((field) => renderField(field, childPath(field, base), ctx))}
      </details>`
    : nothing}`;
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
      return objectList(field, path, ctx);
    case 'one-of':
      return oneOf(field, path, ctx);
    case 'json':
      return jsonControl(field, path, ctx);
    default:
      return nothing;
  }
}

function group(field: Field, path: ValuePath, ctx: FieldContext, body: TemplateResult): TemplateResult {
  return html`<fieldset class="group" part="group" aria-describedby=${describedBy(field, path, ctx)}>
    <legend>${field.title}</legend>
    ${description(field, path)} ${errorText(path, ctx)} ${body}
  </fieldset>`;
}

function objectGroup(field: ObjectNode, path: ValuePath, ctx: FieldContext): TemplateResult {
  return group(field, path, ctx, renderFields(field.fields, path, ctx));
}

function oneOf(field: OneOfNode, path: ValuePath, ctx: FieldContext): TemplateResult {
  const value = ctx.state.get(path);
  const index = selectedBranchIndex(field, value);
  const choose = (next: number) => {
    ctx.state.set(path, next < 0 ? undefined : switchBranch(field, value, next));
    ctx.state.touch(path);
    ctx.update();
  };
  const branch = field.branches[index];
  const chooser =
    field.display === 'radio'
      ? html`<fieldset class="radios" part="radios" aria-describedby=${describedBy(field, path, ctx)}>
          <legend>${field.title}</legend>
          ${field.branches.map(
            (option, i) => html`<label class="radio-card" part="radio-card">
              <input type="radio" name=${idFor('r', path)} .checked=${live(i === index)} @change=${() => choose(i)} />
              <span>${option.title}</span>
            </label>`,
          )}
        </fieldset>`
      : html`<select
          id=${idFor('f', path)}
          part="select"
          ?required=${field.required}
          aria-invalid=${ctx.state.errorAt(path) ? 'true' : 'false'}
          aria-describedby=${describedBy(field, path, ctx)}
          @change=${(event: Event) => choose(Number((event.target as HTMLSelectElement).value))}
        >
          ${index < 0 ? html`<option value="-1" selected>${ui.chooseOption}</option>` : nothing}
          ${field.branches.map((option, i) => html`<option value=${i} ?selected=${i === index}>${option.title}</option>`)}
        </select>`;
  const body = html`${branch ? html`<div class="branch" part="branch">${renderFields(branch.fields, path, ctx)}</div>` : nothing}`;
  if (field.display === 'radio') {
    return html`<div class="field" part="field">${chooser} ${description(field, path)} ${errorText(path, ctx)} ${body}</div>`;
  }
  return html`${frame(field, path, ctx, chooser)}${body}`;
}

function listValue(ctx: FieldContext, path: ValuePath): unknown[] {
  const value = ctx.state.get(path);
  return Array.isArray(value) ? value : [];
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
            type="checkbox"
            .checked=${live(selected.includes(option))}
            @change=${(event: Event) => {
              const on = (event.target as HTMLInputElement).checked;
              const next = options.filter((o) => (o === option ? on : selected.includes(o)));
              ctx.state.set(path, next.length ? next : undefined);
              ctx.state.touch(path);
              ctx.update();
            }}
          />
          <label for=${id}>${String(option)}</label>
        </span>`;
      })}
    </div>`,
  );
}

function tagList(field: ListField, path: ValuePath, ctx: FieldContext): TemplateResult {
  const key = pathKey(path);
  const items = listValue(ctx, path);
  const parse = (text: string): unknown =>
    field.itemType === 'string' ? text : Number.isFinite(Number(text)) ? Number(text) : text;
  const commit = (text: string) => {
    const parts = text.split(/[,\n]/).map((part) => part.trim()).filter(Boolean);
    if (!parts.length) return false;
    ctx.state.set(path, [...items, ...parts.map(parse)]);
    ctx.state.drafts.delete(key);
    return true;
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
            ${items.map(
              (item, i) => html`<li class="chip" part="chip">
                <span>${String(item)}</span>
                <button type="button" class="ghost" aria-label=${ui.removeValue(String(item))} @click=${() => removeAt(i)}>
                  ×
                </button>
                ${ctx.state.errorAt([...path, i]) ? html`<span class="error">${ctx.state.errorAt([...path, i])}</span>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
      <input
        id=${idFor('f', path)}
        part="input"
        type="text"
        .value=${live(ctx.state.drafts.get(key) ?? '')}
        aria-invalid=${ctx.state.errorAt(path) ? 'true' : 'false'}
        aria-describedby=${describedBy(field, path, ctx, idFor('l', path))}
        placeholder=${field.examples?.length ? String(field.examples[0]) : nothing}
        autocomplete="off"
        @input=${(event: Event) => ctx.state.drafts.set(key, (event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          const input = event.target as HTMLInputElement;
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            if (commit(input.value)) ctx.update();
          } else if (event.key === 'Backspace' && input.value === '' && items.length) {
            removeAt(items.length - 1);
          }
        }}
        @blur=${(event: Event) => {
          // Typed but never committed: keep it rather than lose it.
          commit((event.target as HTMLInputElement).value);
          ctx.state.touch(path);
          ctx.update();
        }}
      />
      <p class="hint" id=${idFor('l', path)}>${ui.listHint}</p>`,
  );
}

function objectList(field: ObjectListField, path: ValuePath, ctx: FieldContext): TemplateResult {
  const rows = listValue(ctx, path);
  const itemTitle = field.item.title && field.item.title !== field.title ? field.item.title : field.title;
  const add = () => {
    ctx.state.set(path, [...rows, createValue(field.item)]);
    ctx.update();
  };
  return group(
    field,
    path,
    ctx,
    html`${rows.map(
        (_, i) => html`<fieldset class="row" part="row">
          <legend>${itemTitle} ${i + 1}</legend>
          ${renderFields(field.item.fields, [...path, i], ctx)}
          <button
            type="button"
            class="secondary"
            part="button"
            @click=${() => {
              const next = rows.filter((__, j) => j !== i);
              ctx.state.set(path, next.length || field.required ? next : undefined);
              ctx.update();
            }}
          >
            ${ui.remove}
          </button>
        </fieldset>`,
      )}
      <button type="button" class="secondary" part="button" @click=${add}>${ui.add(itemTitle)}</button>`,
  );
}
