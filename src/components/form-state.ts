import type { FieldIssue } from '../api/api-error.js';
import { english, type Translate } from '../i18n/translate.js';
import { selectedBranchIndex, switchBranch } from '../spec/branch.js';
import { fieldAt } from '../spec/field-at.js';
import { initialValue } from '../spec/initial-value.js';
import type { FormModel, OneOfNode, ValuePath } from '../spec/model.js';
import { pathKey } from '../validation/path-key.js';
import { toSubmitValue } from '../validation/submit-value.js';
import { validateConfig } from '../validation/validate.js';

const isContainer = (value: unknown): value is Record<string | number, unknown> => typeof value === 'object' && value !== null;

/**
 * Everything an end user has done to one form: the value, what they touched, the server's complaints,
 * and view-only state such as a half-typed list entry. Lives as long as the page, so leaving the form
 * and coming back loses nothing. Secrets are only ever held here, in memory.
 */
export class FormState {
  value: Record<string, unknown>;
  /** The user changed something since the form opened. */
  dirty = false;
  /** A submit was attempted: show every error, not only touched ones. */
  submitted = false;
  /** Text typed but not yet committed (list entries, numbers being typed), by path key. */
  readonly drafts = new Map<string, string>();
  /** JSON fields whose text does not parse, by path key: the text stays in `drafts`, and the field says so. */
  readonly unparsedJson = new Set<string>();
  /** Secrets the user chose to reveal, by path key. */
  readonly revealed = new Set<string>();
  /** Secrets that were stored before this edit began, by path key: they offer Replace, and Cancel to keep them. */
  readonly savedSecrets = new Set<string>();
  /** What each oneOf branch held when the user switched away from it, by path key and branch value. */
  readonly #branches = new Map<string, Record<string, unknown>>();
  /** Which collapsibles are open, once known: "Optional fields" sections by path key, object-list rows by row object. */
  readonly open = new Map<unknown, boolean>();
  #touched = new Set<string>();
  #serverErrors = new Map<string, string>();
  #errors: Map<string, string>;

  constructor(
    readonly model: FormModel,
    stored?: Record<string, unknown>,
    /** The language of the messages. */
    private t: Translate = english,
  ) {
    this.value = initialValue(model, stored);
    this.#errors = validateConfig(model, this.value, t);
  }

  /** Words the messages in another language; values, touched fields and the server's complaints stay. */
  translate(t: Translate): void {
    this.t = t;
    this.validate();
  }

  get(path: ValuePath): unknown {
    return path.reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), this.value);
  }

  set(path: ValuePath, next: unknown): void {
    if (path.length === 0) {
      // A whole-value field (a root-level oneOf) replaces the value itself.
      this.value = (next ?? {}) as Record<string, unknown>;
      return this.#changed(path);
    }
    let node: Record<string | number, unknown> = this.value;
    path.slice(0, -1).forEach((key, i) => {
      if (!isContainer(node[key])) node[key] = typeof path[i + 1] === 'number' ? [] : {};
      node = node[key] as Record<string | number, unknown>;
    });
    const last = path.at(-1)!;
    if (next === undefined && !Array.isArray(node)) delete node[last];
    else node[last] = next;
    this.#changed(path);
  }

  #changed(path: ValuePath): void {
    this.dirty = true;
    this.#serverErrors.delete(pathKey(path));
    this.validate();
  }

  /**
   * Switches a oneOf to another branch without losing what the user typed: the branch left behind is
   * remembered, and coming back to a branch restores its own values (shared fields keep their latest value).
   */
  chooseBranch(path: ValuePath, node: OneOfNode, next: number): void {
    const current = this.get(path);
    const index = selectedBranchIndex(node, current);
    const key = pathKey(path);
    // A branch is chosen only in an object value (selectedBranchIndex is -1 for anything else).
    if (index >= 0) this.#branches.set(`${key}|${index}`, structuredClone(current) as Record<string, unknown>);
    if (next < 0) return this.set(path, undefined);
    const switched = switchBranch(node, current, next);
    const remembered = this.#branches.get(`${key}|${next}`);
    for (const [name, value] of Object.entries(remembered ?? {})) {
      if (!isContainer(current) || !(name in current)) switched[name] = value;
    }
    this.set(path, switched);
  }

  /**
   * Moves what is kept by path key (drafts, touched marks, the server's complaints, revealed and saved secrets,
   * branches left behind, open sections) to the key `move` gives, or forgets it (undefined): a list row removed
   * takes what was typed in it along, and the rows after it keep theirs.
   */
  rekey(move: (key: unknown) => unknown): void {
    const keyed: (Map<unknown, unknown> | Set<unknown>)[] = [this.drafts, this.unparsedJson, this.revealed, this.savedSecrets, this.#branches, this.open, this.#touched, this.#serverErrors];
    for (const kept of keyed) {
      const entries = [...kept.entries()]; // a Set's entries are [value, value]
      kept.clear();
      for (const [key, held] of entries) {
        const moved = move(key);
        if (moved !== undefined) kept instanceof Set ? kept.add(moved) : kept.set(moved, held);
      }
    }
  }

  /** Puts a whole value back (a same-tab sign-in's return): what the user had typed, minus secrets. */
  restore(value: Record<string, unknown>): void {
    this.value = value;
    this.#changed([]);
  }

  touch(path: ValuePath): void {
    this.#touched.add(pathKey(path));
  }

  validate(): Map<string, string> {
    this.#errors = validateConfig(this.model, this.value, this.t);
    for (const key of this.unparsedJson) {
      const path = JSON.parse(key) as ValuePath; // a path key is the path as JSON
      // Only while that field is still there and empty: not once its branch was left or its row removed.
      if (fieldAt(this.model, this.value, path)?.kind === 'json' && this.get(path) === undefined) this.#errors.set(key, this.t('v.invalidJson'));
      else this.unparsedJson.delete(key);
    }
    return this.#errors;
  }

  /** The message to show at a path now: the server's, or ours once the field was touched or submitted. */
  errorAt(path: ValuePath): string | undefined {
    return this.#shown(pathKey(path));
  }

  #shown(key: string): string | undefined {
    return this.#serverErrors.get(key) ?? (this.submitted || this.#touched.has(key) ? this.#errors.get(key) : undefined);
  }

  /** Whether an error shows at `path` or anywhere inside it (`path` not empty). */
  errorsUnder(path: ValuePath): boolean {
    const prefix = pathKey(path).slice(0, -1);
    return [...this.#serverErrors.keys(), ...this.#errors.keys()].some(
      (key) => key.startsWith(prefix) && /[,\]]/.test(key[prefix.length]!) && this.#shown(key) !== undefined,
    );
  }

  setServerErrors(issues: readonly FieldIssue[]): void {
    this.#serverErrors = new Map(issues.map((issue) => [pathKey(issue.path), issue.message]));
  }

  submitValue(): Record<string, unknown> {
    return toSubmitValue(this.model, this.value);
  }
}
