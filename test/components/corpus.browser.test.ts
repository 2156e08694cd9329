// Every real connector spec in shared/fixtures/connector-specs (plus any directory listed in SPEC_CORPUS_DIR,
// separated like PATH) opens as a form in the real element against the sandbox: no error, nothing logged to
// console.error, and every required field the user can see has a control named by the field's title, the way
// a screen reader (and an outside test suite) finds it. A few large specs also go through axe.
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixtureCleanup } from '@open-wc/testing';
import { buildFormModel } from '../../src/spec/build-model.js';
import { initialValue } from '../../src/spec/initial-value.js';
import type { Field } from '../../src/spec/model.js';
import { childValue, selectedBranchIndex } from '../../src/spec/util.js';
import { accessibleName, createTemplate, heading, mount, uniqueName, until, widgetToken } from '../support/browser.js';

interface CorpusSpec {
  name: string;
  dir: string;
  spec?: unknown;
  /** Set instead of `spec` when the directory or file could not be read. */
  error?: string;
}

/** How the widget names a field: a labelled input/select/textarea, or a fieldset whose legend is the title. */
type Shape = 'control' | 'group';

interface Rendered {
  path: string;
  title: string;
  shape: Shape;
  required: boolean;
}

/** Large, varied specs that also go through axe (each takes a second or more). */
const AXE = new Set(['source-postgres', 'source-s3', 'source-google-analytics-data-api', 'source-mysql', 'source-github']);

// The browser cannot read the disk: test/support/corpus-plugin.mjs reads the corpus for us.
const corpus = (await executeServerCommand('corpus-specs')) as CorpusSpec[] | undefined;

/**
 * The fields the form shows for `value` (the create-mode initial value): visible fields at every level, inside
 * objects, the selected branch of each oneOf, and each row already in an object list. Hidden fields and consts
 * are never shown; optional fields folded under "Optional fields" are in the DOM and count.
 */
function renderedFields(fields: readonly Field[], value: unknown, path: string, out: Rendered[] = []): Rendered[] {
  for (const field of fields) {
    if (field.hidden || field.kind === 'const') continue;
    const v = childValue(field, value);
    const p = field.key ? `${path}.${field.key}` : path || '(root)';
    const shape: Shape =
      field.kind === 'object' ||
      field.kind === 'object-list' ||
      (field.kind === 'list' && field.options) ||
      (field.kind === 'one-of' && field.display === 'radio')
        ? 'group'
        : 'control';
    out.push({ path: p, title: field.title, shape, required: field.required });
    if (field.kind === 'object') renderedFields(field.fields, v, p, out);
    if (field.kind === 'one-of') {
      const branch = field.branches[selectedBranchIndex(field, v)];
      if (branch) renderedFields(branch.fields, v, `${p}|${String(branch.value)}`, out);
    }
    if (field.kind === 'object-list' && Array.isArray(v)) {
      v.forEach((row, i) => renderedFields(field.item.fields, row, `${p}[${i}]`, out));
    }
  }
  return out;
}

function namedElements(form: HTMLFormElement, shape: Shape, name: string): Element[] {
  const selector = shape === 'group' ? 'fieldset' : 'input, select, textarea';
  return Array.from(form.querySelectorAll(selector)).filter((element) => accessibleName(element) === name);
}

/** Records console.error calls and uncaught errors until `stop()`. */
function watchErrors() {
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(`console.error: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
  const onError = (event: ErrorEvent) => logged.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => logged.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    logged,
    stop() {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('connector spec corpus in the browser', () => {
  it('gets the corpus from the corpus-specs server command', () => {
    expect(corpus, 'corpus-specs answered nothing: is corpusPlugin() in web-test-runner.config.mjs?').to.be.an('array');
    expect(corpus!.filter((s) => s.dir.includes('shared/fixtures/connector-specs')).length).to.be.at.least(60);
  });

  for (const { name, dir, spec, error } of corpus ?? []) {
    it(`${name} (${dir.replace(/\/$/, '').split('/').slice(-2).join('/')})`, async function () {
      (this as { timeout(ms: number): void }).timeout(30_000);
      if (error !== undefined) expect.fail(error);
      const model = buildFormModel(spec);
      const rendered = renderedFields(model.root.fields, initialValue(model), '');
      const errors = watchErrors();
      try {
        const template = await createTemplate(spec, uniqueName(`Corpus ${name}`));
        const token = await widgetToken({ workspace_name: uniqueName('corpus'), selected_source_template_tags: [template.tag] });
        // One template and no sources: the element opens its form directly.
        const el = await mount(token);
        const root = el.shadowRoot!;
        await until(
          el,
          () => heading(el) === template.name && root.querySelector('form input, form select, form textarea') !== null,
          `the form of ${name} opens`,
        );
        const form = root.querySelector('form')!;

        expect(root.querySelector('[role="alert"], .banner.error'), 'no error banner').to.equal(null);

        const problems: string[] = [];
        for (const field of rendered.filter((f) => f.required)) {
          // Fields sharing a title and a shape share a name (a spec may title two fields alike): each of them
          // must still have its own control, and the required ones must be on screen, not folded away.
          const alike = rendered.filter((f) => f.shape === field.shape && f.title === field.title);
          const found = namedElements(form, field.shape, field.title);
          const shown = found.filter((element) => element.getClientRects().length > 0 && !element.closest('details:not([open])'));
          const what = field.shape === 'group' ? 'fieldset with legend' : 'control labelled';
          if (found.length !== alike.length) {
            problems.push(`${field.path}: expected ${alike.length} ${what} "${field.title}", found ${found.length}`);
          } else if (shown.length < alike.filter((f) => f.required).length) {
            problems.push(`${field.path}: the ${what} "${field.title}" is not shown`);
          }
        }
        expect(problems, `required fields of ${name}`).to.deep.equal([]);

        if (AXE.has(name)) await expect(el).to.be.accessible();
        expect(errors.logged, 'nothing logged as an error').to.deep.equal([]);
      } finally {
        errors.stop();
        fixtureCleanup();
      }
    });
  }
});
