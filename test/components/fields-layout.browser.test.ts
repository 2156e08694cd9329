// Layout: root-level `group`s as titled cards in Airbyte's order (ungrouped first, then the `groups` ids, then other
// ids in natural order, `advanced` last); `group` on nested fields ignored; hidden fields absent but submitted.
import { expect } from '@open-wc/testing';
import { accessibleName, control } from '../support/browser.js';
import { connectWithKeyboard, focused, openForm, openSaved, press, recordRequests, tabTo, typeKeys } from './fields-helpers.js';

let recorder: ReturnType<typeof recordRequests>;
beforeEach(() => {
  recorder = recordRequests();
});
afterEach(() => {
  recorder.restore();
});

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('fields: layout', () => {
  it('puts root groups in titled cards, advanced last, in keyboard order, and submits hidden defaults', async () => {
    const { el } = await openForm(
      {
        host: { type: 'string', title: 'Host' },
        token: { type: 'string', title: 'API token', group: 'auth', airbyte_secret: true },
        region: { type: 'string', title: 'Region', group: 'zeta' },
        alpha: { type: 'string', title: 'Alpha', group: 'alpha' },
        workers: { type: 'integer', title: 'Workers', group: 'advanced', default: 2 },
        mode: { type: 'string', title: 'Hidden mode', airbyte_hidden: true, default: 'fast' },
        ghost: { type: 'string', title: 'Ghost', group: 'ghost', airbyte_hidden: true, default: 'g' },
        nested: {
          type: 'object',
          title: 'Nested',
          group: 'auth',
          required: ['inner'],
          properties: { inner: { type: 'string', title: 'Inner', group: 'advanced' } },
        },
        g10: { type: 'string', title: 'Group ten', group: 'g10' },
        g9: { type: 'string', title: 'Group nine', group: 'g9' },
      },
      ['host', 'token', 'region', 'alpha', 'g9', 'g10'],
      { groups: [{ id: 'advanced', title: 'Advanced' }, { id: 'auth', title: 'Authentication' }, { id: 'alpha' }] },
    );
    const cards = Array.from(el.shadowRoot!.querySelectorAll('.card'));
    const names = (card: Element) =>
      Array.from(card.querySelectorAll('input, select, textarea, fieldset, summary')).map((c) => accessibleName(c));
    expect(cards.map((card) => text(card.querySelector(':scope > h3')))).to.deep.equal(['', 'Authentication', '', '', '', '', 'Advanced']);
    expect(cards.map(names)).to.deep.equal([
      ['Host'],
      // Within a card, Airbyte's order: required-like (objects count) by `order`, then key.
      ['Nested', 'Inner', 'API token'],
      ['Alpha'],
      ['Group nine'],
      ['Group ten'],
      ['Region'],
      ['Optional fields', 'Workers'],
    ]);
    // Hidden fields are not in the form at all.
    expect(() => control(el, 'Hidden mode')).to.throw();
    expect(() => control(el, 'Ghost')).to.throw();
    await expect(el).to.be.accessible();

    // Keyboard: Tab walks the cards in order; each required field is typed as it is reached.
    const order: string[] = [];
    for (let i = 0; i < 20 && accessibleName(focused(el) ?? el) !== 'Connect'; i++) {
      await press(el, 'Tab');
      const name = accessibleName(focused(el)!);
      order.push(name);
      if (focused(el) instanceof HTMLInputElement && name !== 'Show') await typeKeys(el, name.toLowerCase().replace(/ /g, '-'));
    }
    expect(order).to.deep.equal(['Host', 'Inner', 'API token', 'Show', 'Alpha', 'Group nine', 'Group ten', 'Region', 'Optional fields', 'Connect']);
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({
      host: 'host',
      token: 'api-token',
      nested: { inner: 'inner' },
      alpha: 'alpha',
      g9: 'group-nine',
      g10: 'group-ten',
      region: 'region',
      workers: 2,
      mode: 'fast',
      ghost: 'g',
    });
  });

  it('uses no cards when nothing is grouped', async () => {
    const { el } = await openForm({ host: { type: 'string', title: 'Host' }, port: { type: 'integer', title: 'Port' } }, ['host']);
    expect(el.shadowRoot!.querySelectorAll('.card')).to.have.length(0);
    expect(control(el, 'Host')).to.exist;
    // An optional field folds away, closed, with nothing in it set.
    expect((el.shadowRoot!.querySelector('details.optional') as HTMLDetailsElement).open).to.be.false;
  });

  it('titles a lone group when the spec names it, and opens optional fields that hold a non-default value', async () => {
    const { el } = await openSaved(
      { host: { type: 'string', title: 'Host', group: 'conn' }, port: { type: 'integer', title: 'Port', group: 'conn', default: 1 } },
      ['host'],
      { host: 'h', port: 7 },
      { groups: [{ id: 'conn', title: 'Connection' }] },
    );
    const cards = Array.from(el.shadowRoot!.querySelectorAll('.card'));
    expect(cards.map((card) => text(card.querySelector('h3')))).to.deep.equal(['Connection']);
    expect((el.shadowRoot!.querySelector('details.optional') as HTMLDetailsElement).open).to.be.true;
  });

  it('keeps a description\'s DOM while the form renders again, so a selection or a hovered link in it stays', async () => {
    const { el } = await openForm({ host: { type: 'string', title: 'Host', description: 'See <b>the</b> [guide](https://example.com/g).' } }, ['host']);
    const hint = () => el.shadowRoot!.getElementById(control(el, 'Host').getAttribute('aria-describedby')!)!;
    const nodes = Array.from(hint().querySelectorAll('b, a'));
    expect(nodes).to.have.length(2);
    await tabTo(el, control(el, 'Host'));
    await typeKeys(el, 'db.example.com');
    await press(el, 'Tab');
    // The very nodes first rendered, still in the document: nothing was rebuilt.
    expect(nodes.every((node) => node.isConnected && hint().contains(node))).to.be.true;
    expect(text(hint())).to.equal('See the guide.');
  });
});
