// Plain fields, used with the keyboard only: text, secret (create and edit), multiline, secret + multiline,
// integer with bounds, boolean, enum, multi-select. Each reaches the real sandbox and goes through axe.
import { expect } from '@open-wc/testing';
import { accessibleName, button, control, errorFor, hasButton } from '../support/browser.js';
import { connectWithKeyboard, focused, formState, openForm, press, recordRequests, reopen, tabTo, typeKeys } from './fields-helpers.js';

let recorder: ReturnType<typeof recordRequests>;
beforeEach(() => {
  recorder = recordRequests();
});
afterEach(() => {
  recorder.restore();
});

const lastPut = () => recorder.sent.filter((r) => r.method === 'PUT').at(-1)!.body.source_config;

describe('fields: text', () => {
  it('is labelled by its title, shows the example as placeholder, and sends what was typed', async () => {
    const { el } = await openForm(
      { host: { type: 'string', title: 'Host', description: 'Where the <b>database</b> runs.', examples: ['db.example.com'] } },
      ['host'],
    );
    const host = control(el, 'Host');
    expect(host.placeholder).to.equal('db.example.com');
    const hint = el.shadowRoot!.getElementById(host.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.contain('Where the database runs.');
    await tabTo(el, host);
    await typeKeys(el, 'db.acme.test');
    expect(host.value).to.equal('db.acme.test');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ host: 'db.acme.test' });
  });

  it('folds optional fields under "Optional fields", which the keyboard opens', async () => {
    const { el } = await openForm({ host: { type: 'string', title: 'Host' }, note: { type: 'string', title: 'Note' } }, ['host']);
    const details = el.shadowRoot!.querySelector('details.optional') as HTMLDetailsElement;
    expect(details.open).to.be.false;
    await tabTo(el, details.querySelector('summary')!);
    await press(el, 'Enter');
    expect(details.open).to.be.true;
    await press(el, 'Tab');
    expect(focused(el)).to.equal(control(el, 'Note'));
    await typeKeys(el, 'hello');
    await tabTo(el, control(el, 'Host'));
    await typeKeys(el, 'h');
    // Still open after re-renders: what the user opened stays open.
    expect(details.open).to.be.true;
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ host: 'h', note: 'hello' });
  });
});

describe('fields: secret', () => {
  it('is masked until "Show", uses autocomplete=new-password, and sends the typed value', async () => {
    const { el } = await openForm({ password: { type: 'string', title: 'Password', airbyte_secret: true } }, ['password']);
    const input = control(el, 'Password');
    expect(input.type).to.equal('password');
    expect(input.autocomplete).to.equal('new-password');
    await tabTo(el, input);
    await typeKeys(el, 's3cret');
    await press(el, 'Tab');
    expect(focused(el)).to.equal(button(el, 'Show'));
    await press(el, 'Enter');
    expect(control(el, 'Password').type).to.equal('text');
    expect(button(el, 'Hide').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    await press(el, 'Space');
    expect(control(el, 'Password').type).to.equal('password');
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ password: 's3cret' });
  });

  it('in edit mode shows "Saved", sends the mask back untouched, and replaces or cancels on request', async () => {
    const { el } = await openForm(
      { user: { type: 'string', title: 'User', order: 0 }, password: { type: 'string', title: 'Password', airbyte_secret: true, order: 1 } },
      ['user', 'password'],
    );
    await tabTo(el, control(el, 'User'));
    await typeKeys(el, 'ann');
    await tabTo(el, control(el, 'Password'));
    await typeKeys(el, 'first-secret');
    const { source } = await connectWithKeyboard(el, recorder);

    // Edit without touching it: a read-only, empty control described as saved; the mask goes back.
    await reopen(el, source.name);
    let input = control(el, 'Password');
    expect(input.value).to.equal('');
    expect(input.readOnly).to.be.true;
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim());
    expect(described).to.include('Saved');
    expect(hasButton(el, 'Show')).to.be.false;
    expect(el.shadowRoot!.innerHTML).not.to.contain('first-secret');
    await expect(el).to.be.accessible();
    await tabTo(el, control(el, 'User'));
    await press(el, 'End');
    await typeKeys(el, '2');
    await tabTo(el, () => button(el, 'Save changes'));
    await press(el, 'Enter');
    await reopen(el, source.name);
    expect(lastPut()).to.deep.equal({ user: 'ann2', password: '**********' });

    // Replace: the control empties, unlocks and takes focus; Cancel puts the saved value back.
    await tabTo(el, () => button(el, 'Replace Password'));
    await press(el, 'Enter');
    input = control(el, 'Password');
    expect(focused(el)).to.equal(input);
    expect(input.readOnly).to.be.false;
    expect(input.value).to.equal('');
    await typeKeys(el, 'oops');
    expect(formState(el).value.password).to.equal('oops');
    await tabTo(el, () => button(el, 'Cancel'));
    await press(el, 'Enter');
    expect(formState(el).value.password).to.equal('**********');
    expect(control(el, 'Password').readOnly).to.be.true;
    expect(focused(el)).to.equal(button(el, 'Replace Password'));
    await press(el, 'Enter');
    await typeKeys(el, 'second-secret');
    await expect(el).to.be.accessible();
    await tabTo(el, () => button(el, 'Save changes'));
    await press(el, 'Enter');
    await reopen(el, source.name);
    expect(lastPut()).to.deep.equal({ user: 'ann2', password: 'second-secret' });
  });
});

describe('fields: multiline', () => {
  it('is a 3-row text area where Enter starts a new line', async () => {
    const { el } = await openForm({ query: { type: 'string', title: 'Query', multiline: true } }, ['query']);
    const area = control<HTMLTextAreaElement>(el, 'Query');
    expect(area.tagName).to.equal('TEXTAREA');
    expect(area.rows).to.equal(3);
    await tabTo(el, area);
    await typeKeys(el, 'select 1');
    await press(el, 'Enter');
    await typeKeys(el, 'from t');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ query: 'select 1\nfrom t' });
  });

  it('as a secret is masked until "Show", keeps every newline, and is replaceable when editing', async () => {
    const { el } = await openForm({ key: { type: 'string', title: 'SSH key', airbyte_secret: true, multiline: true } }, ['key']);
    const area = control<HTMLTextAreaElement>(el, 'SSH key');
    const masking = () => getComputedStyle(control(el, 'SSH key')).getPropertyValue('-webkit-text-security');
    expect(area.tagName).to.equal('TEXTAREA');
    expect(masking()).to.equal('disc');
    await tabTo(el, area);
    await typeKeys(el, '-----BEGIN KEY-----');
    await press(el, 'Enter');
    await typeKeys(el, 'abc');
    await press(el, 'Enter');
    await typeKeys(el, '-----END KEY-----');
    const typed = '-----BEGIN KEY-----\nabc\n-----END KEY-----';
    expect(formState(el).value.key).to.equal(typed);
    await press(el, 'Tab');
    expect(focused(el)).to.equal(button(el, 'Show'));
    await press(el, 'Enter');
    expect(masking()).to.equal('none');
    expect(control<HTMLTextAreaElement>(el, 'SSH key').value).to.equal(typed);
    await press(el, 'Enter');
    expect(masking()).to.equal('disc');
    // Hiding again never loses the newlines.
    expect(control<HTMLTextAreaElement>(el, 'SSH key').value).to.equal(typed);
    await expect(el).to.be.accessible();
    const { config, source } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ key: typed });

    await reopen(el, source.name);
    expect(control<HTMLTextAreaElement>(el, 'SSH key').value).to.equal('');
    expect(control<HTMLTextAreaElement>(el, 'SSH key').readOnly).to.be.true;
    await tabTo(el, () => button(el, 'Replace SSH key'));
    await press(el, 'Enter');
    await typeKeys(el, 'l1');
    await press(el, 'Enter');
    await typeKeys(el, 'l2');
    await tabTo(el, () => button(el, 'Save changes'));
    await press(el, 'Enter');
    await reopen(el, source.name);
    expect(lastPut()).to.deep.equal({ key: 'l1\nl2' });
  });
});

describe('fields: integer with bounds', () => {
  it('starts at its default, says when a typed value is out of bounds, and sends a number', async () => {
    const { el } = await openForm({ port: { type: 'integer', title: 'Port', minimum: 1, maximum: 65535, default: 5432 } }, ['port']);
    const port = control(el, 'Port');
    expect(port.value).to.equal('5432');
    expect(port.inputMode).to.equal('numeric');
    await tabTo(el, port);
    await press(el, 'Control+a');
    await typeKeys(el, '70000');
    await press(el, 'Tab');
    expect(errorFor(el, 'Port')).to.equal('Must be at most 65535');
    await expect(el).to.be.accessible();
    await press(el, 'Shift+Tab');
    expect(focused(el)).to.equal(port);
    await press(el, 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace');
    await typeKeys(el, '0');
    expect(errorFor(el, 'Port')).to.equal('Must be at least 1');
    await press(el, 'Backspace');
    await typeKeys(el, '5433');
    expect(errorFor(el, 'Port')).to.equal(undefined);
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ port: 5433 });
  });
});

describe('fields: boolean', () => {
  it('is a checkbox named by its title that Space toggles', async () => {
    const { el } = await openForm({ ssl: { type: 'boolean', title: 'Use SSL', default: false, always_show: true } });
    const box = control(el, 'Use SSL');
    expect(box.type).to.equal('checkbox');
    expect(box.checked).to.be.false;
    await tabTo(el, box);
    await press(el, 'Space');
    expect(box.checked).to.be.true;
    expect(formState(el).value.ssl).to.equal(true);
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ ssl: true });
  });
});

describe('fields: enum', () => {
  it('is a select named by its title; arrow keys choose', async () => {
    const { el } = await openForm({ mode: { type: 'string', title: 'Mode', enum: ['fast', 'safe', 'thorough'] } }, ['mode']);
    const select = control<HTMLSelectElement>(el, 'Mode');
    expect(select.tagName).to.equal('SELECT');
    expect(Array.from(select.options).map((o) => o.textContent!.trim())).to.deep.equal(['Choose an option', 'fast', 'safe', 'thorough']);
    await tabTo(el, select);
    await press(el, 'ArrowDown', 'ArrowDown');
    expect(formState(el).value.mode).to.equal('safe');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ mode: 'safe' });
  });
});

describe('fields: multi-select', () => {
  it('is a group named by its title with one checkbox per value; Space picks, in the enum’s order', async () => {
    const { el } = await openForm(
      { streams: { type: 'array', title: 'Streams', items: { type: 'string', enum: ['users', 'orders', 'events'] } } },
      ['streams'],
    );
    const group = Array.from(el.shadowRoot!.querySelectorAll('fieldset')).find((f) => accessibleName(f) === 'Streams');
    expect(group).to.exist;
    await tabTo(el, control(el, 'orders'));
    await press(el, 'Space');
    await press(el, 'Shift+Tab', 'Space');
    expect(formState(el).value.streams).to.deep.equal(['users', 'orders']);
    await press(el, 'Tab', 'Space');
    expect(formState(el).value.streams).to.deep.equal(['users']);
    await press(el, 'Tab', 'Space');
    expect(focused(el)).to.equal(control(el, 'events'));
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ streams: ['users', 'events'] });
  });
});
