/**
 * The form model: what a connector spec (JSON Schema plus Airbyte's keywords) means for a form, with no
 * DOM and no Lit. Built once per spec by `buildFormModel`; components render it, `validation/` checks
 * values against it, and `submit-value` turns form state into the `source_config` that is sent.
 *
 * Values live in one plain JSON object shaped like the config itself; nodes carry their property `key`
 * and are matched to values by walking both together (array items have no node of their own per index).
 */

/** Which input a field gets. A closed set, as a const object plus a type. */
export const FieldKind = {
  String: 'string',
  Number: 'number',
  Boolean: 'boolean',
  Enum: 'enum',
  List: 'list',
  ObjectList: 'object-list',
  Object: 'object',
  OneOf: 'one-of',
  Const: 'const',
  Json: 'json',
} as const;
export type FieldKind = (typeof FieldKind)[keyof typeof FieldKind];

export type Scalar = string | number | boolean | null;

/** What every field knows, whatever its kind. */
export interface FieldBase {
  /**
   * The property name. Data, never interpreted (a property may be called `additionalProperties`).
   * '' only for a oneOf that is its parent's whole value (a spec whose root is a oneOf, or a list whose items
   * are a oneOf): it is then the only field of that object node and has no property of its own; use
   * `childValue` / `childPath` from `spec/util.ts` to walk values.
   */
  readonly key: string;
  /** The label: the spec's `title`, else the humanised key. */
  readonly title: string;
  /** Raw description; may hold HTML or Markdown, so it is only ever rendered through the sanitiser. */
  readonly description?: string;
  /** Listed in the parent's `required`. */
  readonly required: boolean;
  /** `airbyte_hidden`: not shown, but its default is still submitted. */
  readonly hidden: boolean;
  /** `always_show`: shown expanded like a required field, still optional. */
  readonly alwaysShow: boolean;
  /** A type array with `"null"` in it: the value may be null or left empty. */
  readonly nullable: boolean;
  readonly order?: number;
  /** Root-level `group` id. */
  readonly group?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly patternDescriptor?: string;
  readonly readOnly: boolean;
}

export interface StringField extends FieldBase {
  readonly kind: typeof FieldKind.String;
  /** `airbyte_secret`: masked, never revealed once stored. */
  readonly secret: boolean;
  readonly multiline: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface NumberField extends FieldBase {
  readonly kind: typeof FieldKind.Number;
  readonly integer: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

export interface BooleanField extends FieldBase {
  readonly kind: typeof FieldKind.Boolean;
}

export interface EnumField extends FieldBase {
  readonly kind: typeof FieldKind.Enum;
  readonly options: readonly Scalar[];
}

/** A list of scalars: a tag input, or a multi-select when `options` is set. */
export interface ListField extends FieldBase {
  readonly kind: typeof FieldKind.List;
  readonly itemType: 'string' | 'integer' | 'number';
  readonly options?: readonly Scalar[];
  readonly itemPattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems: boolean;
}

/** A list of objects: rows with Add / Remove. */
export interface ObjectListField extends FieldBase {
  readonly kind: typeof FieldKind.ObjectList;
  readonly item: ObjectNode;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface ObjectNode extends FieldBase {
  readonly kind: typeof FieldKind.Object;
  /** Children in display order (Airbyte's ordering: required-like first, then `order`, then key). */
  readonly fields: readonly Field[];
}

export interface OneOfBranch {
  readonly title: string;
  readonly description?: string;
  /** The discriminator's value that selects this branch. */
  readonly value: Scalar;
  /** The branch's own fields, discriminator excluded, in display order. */
  readonly fields: readonly Field[];
  /** `airbyte_hidden` on the branch: leave it out of the choices (unless it is the stored choice). */
  readonly hidden?: boolean;
}

/** A choice between object shapes, told apart by a discriminator property that is constant per branch. */
export interface OneOfNode extends FieldBase {
  readonly kind: typeof FieldKind.OneOf;
  readonly discriminator: string;
  readonly branches: readonly OneOfBranch[];
  readonly display: 'dropdown' | 'radio';
}

/** A `const` (or one-value enum with a default): never shown, always submitted. */
export interface ConstField extends FieldBase {
  readonly kind: typeof FieldKind.Const;
  readonly value: unknown;
}

/** Why a field is edited as JSON: a key of the message catalog. */
export type JsonReason = 'json.notObject' | 'json.combination' | 'json.choices' | 'json.type' | 'json.list' | 'json.branch' | 'json.noDiscriminator';

/** A shape the form cannot render as controls: edited as JSON text, validated against its schema. */
export interface JsonField extends FieldBase {
  readonly kind: typeof FieldKind.Json;
  /** Why it fell back: a message of the catalog (`json.*`), so that the hint is in the user's language. */
  readonly reason: JsonReason;
  /** The type the reason names, for `json.type` and `json.list`. */
  readonly of?: string;
  readonly schema: unknown;
}

export type Field =
  | StringField
  | NumberField
  | BooleanField
  | EnumField
  | ListField
  | ObjectListField
  | ObjectNode
  | OneOfNode
  | ConstField
  | JsonField;

/** The whole form for one connector spec. */
export interface FormModel {
  /** The spec root as an object node (key ''). */
  readonly root: ObjectNode;
  /** Root-level `groups` ids and titles, in the spec's order. */
  readonly groups: readonly { readonly id: string; readonly title?: string }[];
  /** The template's `advanced_auth`, when it is usable: the form then offers an OAuth sign-in (§3.10). */
  readonly auth?: AuthModel;
}

/** What an OAuth sign-in means for the form: when it applies, what it fills in, and what it needs first. */
export interface AuthModel {
  /** The sign-in applies only while the value at `path` equals `value` (the OAuth branch); none: always. */
  readonly predicate?: { readonly path: ValuePath; readonly value: unknown };
  /** Where the sign-in writes its results (tokens, client id/secret); hidden while it applies. */
  readonly outputPaths: readonly ValuePath[];
  /** Config values the provider needs before the sign-in (e.g. a subdomain), by the name the server expects. */
  readonly inputPaths: readonly { readonly name: string; readonly path: ValuePath }[];
}

/** A path into the config value: property keys and list indices. */
export type ValuePath = readonly (string | number)[];

/** The value a stored secret comes back as; sending it back unchanged keeps the stored secret. */
export const SECRET_MASK = '**********';
