import type { TemplateResult } from 'lit';
import type { Field, ObjectListField, ValuePath } from '../../spec/model.js';
import { listValue, type FieldContext } from './field-context.js';
import type { FieldKit } from './field-kit.js';

/** A row's one-line summary, like Airbyte's: `Title: value | …`, secrets as `*****`, lists as `[...]`; cut at 80 characters. */
function summary({ blank, childValue, selectedBranchIndex }: FieldKit, fields: readonly Field[], row: unknown): string {
  const text = fields
    .map((field) => {
      const value = childValue(field, row);
      const shown =
        field.hidden || field.kind === 'const'
          ? undefined
          : field.kind === 'one-of'
            ? field.branches[selectedBranchIndex(field, value)]?.title
            : blank(value) || (typeof value === 'object' && !Array.isArray(value))
              ? undefined
              : field.kind === 'string' && field.secret
                ? '*****'
                : Array.isArray(value)
                  ? '[...]'
                  : String(value);
      return shown === undefined ? '' : `${field.title}: ${shown}`;
    })
    .filter(Boolean)
    .join(' | ');
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

/**
 * Where a path key goes once row `removed` of the list keyed `listKey` is gone: the rows after it move up one
 * (`["list",2,…` → `["list",1,…`, a tail such as a branch's `|1` kept), the removed row's keys go, others stay.
 */
const afterRemoving = (listKey: string, removed: number) => (key: unknown) => {
  const prefix = listKey.slice(0, -1) + ',';
  const row = typeof key == 'string' && key.startsWith(prefix) ? /^(\d+)(.*)/s.exec(key.slice(prefix.length)) : null;
  const at = row ? Number(row[1]) : -1;
  return at < removed ? key : at > removed ? prefix + (at - 1) + row![2] : undefined;
};

/** A list of objects: one folding row per item, with Remove, and Add below. */
export const objectList = (kit: FieldKit) =>
  function objectList(field: ObjectListField, path: ValuePath, ctx: FieldContext): TemplateResult {
    const { html, createValue, group, renderFields } = kit;
    const { state } = ctx;
    const rows = listValue(ctx, path);
    const itemTitle = field.item.title && field.item.title !== field.title ? field.item.title : field.title;
    const add = () => {
      state.set(path, [...rows, createValue(field.item)]);
      ctx.update();
    };
    return group(
      field,
      path,
      ctx,
      html`${rows.map((row, i) => {
          const rowPath = [...path, i];
          // Rows the form opened with in edit mode start folded; new ones open. A row with an error is always open.
          if (!state.open.has(row)) state.open.set(row, !ctx.editing || state.dirty);
          return html`<details
            class="row"
            part="row"
            ?open=${state.errorsUnder(rowPath) || state.open.get(row)}
            @toggle=${(event: Event) => state.open.set(row, (event.target as HTMLDetailsElement).open)}
          >
            <summary part="summary">${itemTitle} ${i + 1} <span class="summary">${summary(kit, field.item.fields, row)}</span></summary>
            ${renderFields(field.item.fields, rowPath, ctx)}
            <button
              type="button"
              class="secondary"
              part="button remove"
              @click=${() => {
                const rest = rows.filter((__, j) => j !== i);
                state.rekey(afterRemoving(kit.pathKey(path), i));
                state.set(path, rest.length || field.required ? rest : undefined);
                ctx.update();
              }}
            >
              ${ctx.t('remove')}
            </button>
          </details>`;
        })}
        <button type="button" class="secondary" part="button add" @click=${add}>${ctx.t('add', { name: itemTitle })}</button>`,
    );
  };
