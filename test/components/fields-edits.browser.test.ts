// Controls and the form state stay in step while the user edits: a control keeps what is being typed or picked,
// and follows the state when it changes from elsewhere (another branch, the text beside a date picker).
import { expect } from '@open-wc/testing';
import { button, control, errorFor } from '../support/browser.js';
import { connectWithKeyboard, focused, formState, openForm, press, recordRequests, tabTo, typeKeys } from './fields-helpers.js';

const DT = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$';

const picker = (el: HTMLElement, title: string) => control(el as never, title).parentElement!.querySelector<HTMLInputElement>('input.picker')!;

describe('fields: editing', () => {
  it('keeps the rest of a picked date while one of its parts is typed again', async () => {
    const { el } = await openForm({ until: { type: 'string', title: 'Until', format: 'date-time', pattern: '^$|' + DT, always_show: true } });
    await tabTo(el, control(el, 'Until'));
    await typeKeys(el, '2030-01-02T03:04:05Z');
    await tabTo(el, picker(el, 'Until'));
    // The browser's first part (en-US: the month), as the picker shows it for this date.
    const first = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(2030, 0, 2))
      .find((part) => part.type !== 'literal')!;
    // Emptying that part leaves no value, and the other parts where they were…
    await press(el, 'Backspace');
    expect('until' in formState(el).value).to.be.false;
    expect(focused(el)).to.equal(picker(el, 'Until'));
    // …so typing it again gives the whole date back.
    await typeKeys(el, first.value);
    expect(picker(el, 'Until').value).to.equal('2030-01-02T03:04:05');
    expect(formState(el).value.until).to.equal('2030-01-02T03:04:05Z');
    // Text typed beside it moves the picker along.
    await tabTo(el, control(el, 'Until'), true);
    await press(el, 'Control+a', 'Backspace');
    await typeKeys(el, '2031-06-07T08:09:10Z');
    expect(picker(el, 'Until').value).to.equal('2031-06-07T08:09:10');
  });

  it('shows a number as typed and reads it without the spaces around it', async () => {
    const { el } = await openForm({ port: { type: 'integer', title: 'Port' } }, ['port']);
    await tabTo(el, control(el, 'Port'));
    await typeKeys(el, ' 5432 ');
    expect(control(el, 'Port').value).to.equal(' 5432 ');
    expect(formState(el).value.port).to.equal(5432);
  });

  it('shows the value of the field a control now stands for, not what was typed into the one before', async () => {
    const { el } = await openForm(
      {
        target: {
          type: 'object',
          title: 'Target',
          oneOf: [
            { title: 'Host', required: ['kind', 'host'], properties: { kind: { const: 'host' }, host: { type: 'string', title: 'Host name' } } },
            { title: 'URL', required: ['kind', 'url'], properties: { kind: { const: 'url' }, url: { type: 'string', title: 'URL', default: 'https://example.com' } } },
          ],
        },
      },
      ['target'],
    );
    await tabTo(el, control(el, 'Host name'));
    await typeKeys(el, 'db.acme.test');
    const select = control<HTMLSelectElement>(el, 'Target');
    const choose = async (index: number) => {
      select.value = String(index);
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await choose(1);
    expect(control(el, 'URL').value).to.equal('https://example.com');
    await tabTo(el, control(el, 'URL'));
    await press(el, 'Control+a', 'Backspace');
    await choose(0);
    // The branch left comes back with what was typed into it.
    expect(control(el, 'Host name').value).to.equal('db.acme.test');
  });
});

describe('fields: the JSON fallback', () => {
  it('says when the text is not valid JSON, keeps it as typed, and sends the value once it reads', async () => {
    const recorder = recordRequests();
    try {
      const { el } = await openForm({ filters: { title: 'Filters', anyOf: [{ type: 'object' }, { type: 'array' }] } }, ['filters']);
      await tabTo(el, control(el, 'Filters'));
      await typeKeys(el, '{"region": "eu"');
      await press(el, 'Tab');
      expect(errorFor(el, 'Filters')).to.equal('This isn’t valid JSON. Check for missing quotes, commas or brackets.');
      expect(control<HTMLTextAreaElement>(el, 'Filters').value).to.equal('{"region": "eu"');
      // Nothing is sent while it does not read.
      await tabTo(el, () => button(el, 'Connect'));
      await press(el, 'Enter');
      expect(recorder.sent.some((r) => r.method === 'POST')).to.be.false;
      await tabTo(el, control(el, 'Filters'), true);
      await press(el, 'End');
      await typeKeys(el, '}');
      expect(errorFor(el, 'Filters')).to.equal(undefined);
      const { config } = await connectWithKeyboard(el, recorder);
      expect(config.filters).to.deep.equal({ region: 'eu' });
    } finally {
      recorder.restore();
    }
  });
});
