// oneOf choosers, used with the keyboard only: a dropdown and radio cards. Switching keeps shared values; hidden
// branches are offered only when they are the saved choice.
import { expect } from '@open-wc/testing';
import { accessibleName, button, control, hasButton } from '../support/browser.js';
import { connectWithKeyboard, focused, formState, openForm, openSaved, press, recordRequests, tabTo, typeKeys } from './fields-helpers.js';

let recorder: ReturnType<typeof recordRequests>;
beforeEach(() => {
  recorder = recordRequests();
});
afterEach(() => {
  recorder.restore();
});

const tunnel = {
  type: 'object',
  title: 'SSH tunnel',
  description: 'How to reach the database.',
  oneOf: [
    { title: 'No tunnel', properties: { method: { const: 'NONE' } } },
    {
      title: 'Key',
      required: ['method', 'host', 'key'],
      properties: {
        method: { const: 'KEY' },
        host: { type: 'string', title: 'Tunnel host' },
        port: { type: 'integer', title: 'Tunnel port', default: 22 },
        key: { type: 'string', title: 'SSH key', airbyte_secret: true },
      },
    },
    {
      title: 'Password',
      required: ['method', 'host', 'password'],
      properties: {
        method: { const: 'PASSWORD' },
        host: { type: 'string', title: 'Tunnel host' },
        port: { type: 'integer', title: 'Tunnel port', default: 22 },
        password: { type: 'string', title: 'Tunnel password', airbyte_secret: true },
      },
    },
    { title: 'Legacy', airbyte_hidden: true, properties: { method: { const: 'LEGACY' } } },
  ],
};

describe('fields: oneOf as a dropdown', () => {
  it('is a select named by the oneOf title with options named by the branch titles; switching keeps shared values', async () => {
    const { el } = await openForm({ tunnel }, ['tunnel']);
    const select = control<HTMLSelectElement>(el, 'SSH tunnel');
    expect(select.tagName).to.equal('SELECT');
    // The hidden branch is not offered.
    expect(Array.from(select.options).map((o) => o.textContent!.trim())).to.deep.equal(['No tunnel', 'Key', 'Password']);
    expect(hasButton(el, 'Show')).to.be.false;
    await tabTo(el, select);
    await press(el, 'ArrowDown');
    expect(formState(el).value.tunnel).to.deep.equal({ method: 'KEY', port: 22 });
    await tabTo(el, control(el, 'Tunnel host'));
    await typeKeys(el, 'bastion');
    await tabTo(el, control(el, 'SSH key'));
    await typeKeys(el, 'k');
    await tabTo(el, select, true);
    await press(el, 'ArrowDown');
    // Host is kept (both branches have it), the key is not.
    expect(formState(el).value.tunnel).to.deep.equal({ method: 'PASSWORD', host: 'bastion', port: 22 });
    expect(control(el, 'Tunnel host').value).to.equal('bastion');
    await tabTo(el, control(el, 'Tunnel password'));
    await typeKeys(el, 'pw');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ tunnel: { method: 'PASSWORD', host: 'bastion', port: 22, password: 'pw' } });
  });

  it('offers a hidden branch only when it is the saved choice', async () => {
    const { el } = await openSaved({ tunnel }, ['tunnel'], { tunnel: { method: 'LEGACY' } });
    const select = control<HTMLSelectElement>(el, 'SSH tunnel');
    expect(Array.from(select.options).map((o) => o.textContent!.trim())).to.deep.equal(['No tunnel', 'Key', 'Password', 'Legacy']);
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('Legacy');
    await expect(el).to.be.accessible();
  });
});

const replication = {
  type: 'object',
  title: 'Update method',
  display_type: 'radio',
  oneOf: [
    {
      title: 'Read changes (CDC)',
      description: 'Reads the <b>write-ahead log</b>. <script>alert(1)</script>',
      required: ['method', 'slot'],
      properties: {
        method: { const: 'CDC' },
        slot: { type: 'string', title: 'Slot' },
        wait: { type: 'integer', title: 'Initial wait', default: 300, always_show: true },
      },
    },
    {
      title: 'Scan with a cursor',
      description: 'Finds changes with a `cursor` column.',
      required: ['method'],
      properties: { method: { const: 'STANDARD' }, wait: { type: 'integer', title: 'Initial wait', always_show: true } },
    },
    { title: 'Xmin', airbyte_hidden: true, properties: { method: { const: 'XMIN' } } },
  ],
};

describe('fields: oneOf as radio cards', () => {
  it('is a labelled group of radios named by branch titles and described by branch descriptions', async () => {
    const { el } = await openForm({ replication }, ['replication']);
    const group = Array.from(el.shadowRoot!.querySelectorAll('fieldset')).find((f) => accessibleName(f) === 'Update method')!;
    expect(group).to.exist;
    const radios = Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    expect(radios.map(accessibleName)).to.deep.equal(['Read changes (CDC)', 'Scan with a cursor']);
    const descriptions = radios.map((r) => el.shadowRoot!.getElementById(r.getAttribute('aria-describedby')!)!);
    expect(descriptions.map((d) => d.textContent!.trim())).to.deep.equal([
      'Reads the write-ahead log.',
      'Finds changes with a cursor column.',
    ]);
    expect(descriptions[0]!.querySelector('b')).to.exist;
    expect(descriptions[0]!.querySelector('script')).to.equal(null);
    expect(descriptions[1]!.querySelector('code')!.textContent).to.equal('cursor');
    expect(radios.map((r) => r.checked)).to.deep.equal([true, false]);
    await expect(el).to.be.accessible();

    // Keyboard: Tab reaches the checked radio, arrows move the choice.
    await tabTo(el, radios[0]!);
    await tabTo(el, control(el, 'Slot'));
    await typeKeys(el, 'airbyte_slot');
    await tabTo(el, control(el, 'Initial wait'));
    await press(el, 'Control+a');
    await typeKeys(el, '60');
    await tabTo(el, radios[0]!, true);
    await press(el, 'ArrowDown');
    expect(focused(el)).to.equal(radios[1]);
    expect(radios.map((r) => r.checked)).to.deep.equal([false, true]);
    // "Initial wait" is in both branches: kept. "Slot" belongs to CDC only: not in STANDARD, but remembered.
    expect(formState(el).value.replication).to.deep.equal({ method: 'STANDARD', wait: 60 });
    await press(el, 'ArrowUp');
    // Back on CDC, its own "Slot" value comes back: switching branches never loses what was typed.
    expect(formState(el).value.replication).to.deep.equal({ method: 'CDC', wait: 60, slot: 'airbyte_slot' });
    await press(el, 'ArrowDown');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ replication: { method: 'STANDARD', wait: 60 } });
  });

  it('shows a hidden branch only when it is the saved choice', async () => {
    const { el } = await openSaved({ replication }, ['replication'], { replication: { method: 'XMIN' } });
    const radios = Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    expect(radios.map(accessibleName)).to.deep.equal(['Read changes (CDC)', 'Scan with a cursor', 'Xmin']);
    expect(radios[2]!.checked).to.be.true;
    expect(button(el, 'Save changes')).to.exist;
  });

  // The hidden branch leaves the list once another is chosen: when it came first, the radios after it must not
  // take its place (the radio that Lit reused by position kept the browser's checked state, the wrong card).
  it('shows the chosen radio checked after leaving a saved hidden branch listed first', async () => {
    const [cdc, cursor, xmin] = replication.oneOf;
    const { el } = await openSaved({ replication: { ...replication, oneOf: [xmin, cdc, cursor] } }, ['replication'], { replication: { method: 'XMIN' } });
    const radios = () => Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    expect(radios().map(accessibleName)).to.deep.equal(['Xmin', 'Read changes (CDC)', 'Scan with a cursor']);
    expect(radios().map((r) => r.checked)).to.deep.equal([true, false, false]);
    await tabTo(el, radios()[0]!);
    await press(el, 'ArrowDown');
    expect(formState(el).value.replication).to.deep.include({ method: 'CDC' });
    expect(radios().map(accessibleName)).to.deep.equal(['Read changes (CDC)', 'Scan with a cursor']);
    expect(radios().map((r) => r.checked)).to.deep.equal([true, false]);
    expect(focused(el)).to.equal(radios()[0]);
    await press(el, 'ArrowDown');
    expect(formState(el).value.replication).to.deep.include({ method: 'STANDARD' });
    expect(radios().map((r) => r.checked)).to.deep.equal([false, true]);
  });
});
