// Lists, used with the keyboard only: tag inputs (Enter, comma, Backspace, paste, numbers) and lists of objects
// (Add, Remove, collapsible rows with a summary, a oneOf nested in each row as in GA4's custom reports).
import { expect } from '@open-wc/testing';
import { accessibleName, button, control, hasButton } from '../support/browser.js';
import { connectWithKeyboard, focused, formState, openForm, paste, press, recordRequests, reopen, tabTo, typeKeys } from './fields-helpers.js';

let recorder: ReturnType<typeof recordRequests>;
beforeEach(() => {
  recorder = recordRequests();
});
afterEach(() => {
  recorder.restore();
});

const chips = (el: HTMLElement) => Array.from(el.shadowRoot!.querySelectorAll('.chip > span')).map((s) => s.textContent);

describe('fields: list of strings (tag input)', () => {
  it('adds on Enter and comma, removes the last on Backspace, and adds each item of a pasted list', async () => {
    const { el } = await openForm({ schemas: { type: 'array', title: 'Schemas', items: { type: 'string' } } }, ['schemas']);
    const input = control(el, 'Schemas');
    expect(input.type).to.equal('text');
    await tabTo(el, input);
    await typeKeys(el, 'public');
    await press(el, 'Enter');
    // Enter adds; it never submits the form.
    expect(recorder.sent.filter((r) => r.method === 'POST')).to.have.length(0);
    await typeKeys(el, 'sales,');
    expect(chips(el)).to.deep.equal(['public', 'sales']);
    expect(input.value).to.equal('');
    await press(el, 'Backspace');
    expect(chips(el)).to.deep.equal(['public']);
    await typeKeys(el, 'x');
    await press(el, 'Backspace');
    // Backspace in text edits the text, not the list.
    expect(chips(el)).to.deep.equal(['public']);
    await paste(el, 'a, b\nc\r\n');
    expect(chips(el)).to.deep.equal(['public', 'a', 'b', 'c']);
    // A single pasted value is just text in the input, until Enter.
    await paste(el, 'one');
    expect(input.value).to.equal('one');
    await press(el, 'Enter');
    expect(formState(el).value.schemas).to.deep.equal(['public', 'a', 'b', 'c', 'one']);
    // Each value has its own remove button.
    await tabTo(el, () => button(el, 'Remove b'));
    await press(el, 'Enter');
    expect(chips(el)).to.deep.equal(['public', 'a', 'c', 'one']);
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ schemas: ['public', 'a', 'c', 'one'] });
  });

  it('parses numbers for a list of integers and flags what is not one', async () => {
    const { el } = await openForm({ ports: { type: 'array', title: 'Ports', items: { type: 'integer' } } }, ['ports']);
    await tabTo(el, control(el, 'Ports'));
    await typeKeys(el, '80');
    await press(el, 'Enter');
    await paste(el, '443,8080');
    await typeKeys(el, 'http,');
    expect(formState(el).value.ports).to.deep.equal([80, 443, 8080, 'http']);
    await press(el, 'Tab');
    const errors = Array.from(el.shadowRoot!.querySelectorAll('.chip .error')).map((e) => e.textContent);
    expect(errors).to.have.length(1);
    await tabTo(el, () => button(el, 'Remove http'));
    await press(el, 'Enter');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ ports: [80, 443, 8080] });
  });
});

const stream = {
  type: 'object',
  title: 'Stream',
  required: ['name', 'token'],
  properties: {
    name: { type: 'string', title: 'Name', order: 0 },
    token: { type: 'string', title: 'Token', airbyte_secret: true, order: 1 },
    globs: { type: 'array', title: 'Globs', items: { type: 'string' }, order: 2, always_show: true },
  },
};

describe('fields: list of objects', () => {
  it('adds rows with "Add …", folds each under a summary, and removes with "Remove"', async () => {
    const { el } = await openForm({ streams: { type: 'array', title: 'Streams', items: stream } }, ['streams']);
    const rows = () => Array.from(el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details.row'));
    expect(rows()).to.have.length(0);
    await tabTo(el, () => button(el, 'Add Stream'));
    await press(el, 'Enter');
    expect(rows()).to.have.length(1);
    expect(rows()[0]!.open).to.be.true;
    await tabTo(el, control(el, 'Name'));
    await typeKeys(el, 'orders');
    await tabTo(el, control(el, 'Token'));
    await typeKeys(el, 'tok');
    await tabTo(el, control(el, 'Globs'));
    await typeKeys(el, '*.csv,*.json,');
    const summary = rows()[0]!.querySelector('summary')!;
    expect(summary.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Stream 1 Name: orders | Token: ***** | Globs: [...]');

    // Collapse and expand with the keyboard.
    await tabTo(el, summary);
    await press(el, 'Enter');
    expect(rows()[0]!.open).to.be.false;
    await press(el, 'Space');
    expect(rows()[0]!.open).to.be.true;
    await press(el, 'Enter');
    await expect(el).to.be.accessible();

    // A second row, then remove the first.
    await tabTo(el, () => button(el, 'Add Stream'));
    await press(el, 'Enter');
    expect(rows().map((r) => r.open)).to.deep.equal([false, true]);
    await tabTo(el, () => rows()[1]!.querySelector<HTMLInputElement>('input')!);
    expect(accessibleName(focused(el)!)).to.equal('Name');
    await typeKeys(el, 'users');
    await press(el, 'Tab');
    await typeKeys(el, 't2');
    // The folded first row keeps its controls out of the tab order until it is opened.
    await tabTo(el, () => rows()[0]!.querySelector('summary')!, true);
    await press(el, 'Enter');
    await tabTo(el, () => rows()[0]!.querySelector<HTMLElement>(':scope > button')!);
    expect(accessibleName(focused(el)!)).to.equal('Remove');
    await press(el, 'Enter');
    expect(rows()).to.have.length(1);
    expect(formState(el).value.streams).to.deep.equal([{ name: 'users', token: 't2' }]);
    await expect(el).to.be.accessible();
    const { config, source } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ streams: [{ name: 'users', token: 't2' }] });

    // Editing: saved rows start folded, named by their summary.
    await reopen(el, source.name);
    expect(rows().map((r) => r.open)).to.deep.equal([false]);
    expect(rows()[0]!.querySelector('summary')!.textContent).to.contain('Name: users');
    await tabTo(el, () => button(el, 'Add Stream'));
    await press(el, 'Enter');
    expect(rows().map((r) => r.open)).to.deep.equal([false, true]);
  });

  it('keeps what was typed with its row when an earlier row is removed', async () => {
    const host = { type: 'object', title: 'Host', required: ['port'], properties: { port: { type: 'integer', title: 'Port' } } };
    const { el } = await openForm({ hosts: { type: 'array', title: 'Hosts', items: host } }, ['hosts']);
    const rows = () => Array.from(el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details.row'));
    const port = (row: number) => rows()[row]!.querySelector<HTMLInputElement>('input')!;
    for (let i = 0; i < 3; i++) {
      await tabTo(el, () => button(el, 'Add Host'));
      await press(el, 'Enter');
    }
    // Text that is no number yet stays as typed, with its message, in rows 1 and 2.
    await tabTo(el, () => port(1), true);
    await typeKeys(el, '1a');
    await tabTo(el, () => port(2));
    await typeKeys(el, '2b');
    await tabTo(el, () => rows()[1]!.querySelector<HTMLElement>(':scope > button')!, true);
    expect(accessibleName(focused(el)!)).to.equal('Remove');
    await press(el, 'Enter');
    expect(rows()).to.have.length(2);
    expect([port(0).value, port(1).value]).to.deep.equal(['', '2b']);
    expect(rows()[1]!.querySelector('.error')?.textContent).to.equal('Enter a whole number');
    expect(rows()[0]!.querySelector('.error')).to.equal(null);
  });

  it('handles a oneOf inside each row (GA4 custom reports) and keeps the values of the chosen branch', async () => {
    const report = {
      type: 'object',
      title: 'Report',
      required: ['name', 'filter'],
      properties: {
        name: { type: 'string', title: 'Name' },
        filter: {
          type: 'object',
          title: 'Filter',
          oneOf: [
            { title: 'No filter', properties: { filter_type: { const: 'none' } } },
            {
              title: 'In list',
              required: ['filter_type', 'values'],
              properties: {
                filter_type: { const: 'inList' },
                values: { type: 'array', title: 'Values', items: { type: 'string' } },
                case_sensitive: { type: 'boolean', title: 'Case sensitive', default: false },
              },
            },
          ],
        },
      },
    };
    const { el } = await openForm({ reports: { type: 'array', title: 'Custom reports', items: report } }, ['reports']);
    await tabTo(el, () => button(el, 'Add Report'));
    await press(el, 'Enter');
    await tabTo(el, control(el, 'Name'));
    await typeKeys(el, 'weekly');
    await tabTo(el, control(el, 'Filter'));
    await press(el, 'ArrowDown');
    expect(hasButton(el, 'Add Report')).to.be.true;
    await tabTo(el, control(el, 'Values'));
    await typeKeys(el, 'a,b,');
    expect(el.shadowRoot!.querySelector('details.row summary')!.textContent).to.contain('Filter: In list');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({
      reports: [{ name: 'weekly', filter: { filter_type: 'inList', values: ['a', 'b'], case_sensitive: false } }],
    });
  });
});
