// Date fields, used with the keyboard only: the native picker and the text input both store exactly what the
// field's pattern wants, in UTC (spec-dialect §3.4).
import { expect } from '@open-wc/testing';
import { control } from '../support/browser.js';
import { connectWithKeyboard, focused, formState, openForm, press, recordRequests, tabTo, typeKeys } from './fields-helpers.js';

let recorder: ReturnType<typeof recordRequests>;
beforeEach(() => {
  recorder = recordRequests();
});
afterEach(() => {
  recorder.restore();
});

const D = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DT = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$';

/** The native picker that follows a field's text input. */
const picker = (el: HTMLElement, title: string) =>
  control(el as never, title).parentElement!.querySelector<HTMLInputElement>('input.picker')!;

/**
 * Fills the focused native date/time input with key presses in the browser's own field order (en-US:
 * mm/dd/yyyy, hh:mm:ss AM), so the test does not depend on the machine's locale. A month input names its months,
 * so the month is typed by name; the year field takes up to six digits, so ArrowRight leaves it.
 */
async function fillNative(
  el: HTMLElement,
  parts: { year: string; month: string; day?: string; hour?: number; minute?: string; second?: string; ms?: string },
): Promise<void> {
  const withTime = parts.hour !== undefined;
  const format = new Intl.DateTimeFormat(navigator.language, {
    year: 'numeric',
    month: parts.day ? '2-digit' : 'long',
    ...(parts.day && { day: '2-digit' }),
    ...(withTime && { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  });
  const twelve = format.resolvedOptions().hour12;
  const hour = parts.hour ?? 0;
  const fields = format.formatToParts(new Date(2000, +parts.month - 1, 1, 13)).filter((p) => p.type !== 'literal');
  for (const [i, { type, value }] of fields.entries()) {
    const keys =
      type === 'year' ? parts.year
      : type === 'month' ? (parts.day ? parts.month : value)
      : type === 'day' ? parts.day!
      : type === 'hour' ? String(twelve ? hour % 12 || 12 : hour).padStart(2, '0')
      : type === 'minute' ? parts.minute!
      : type === 'second' ? parts.second! + (parts.ms ?? '')
      : type === 'dayPeriod' ? (hour < 12 ? 'A' : 'P')
      : '';
    await typeKeys(el as never, keys);
    if (i < fields.length - 1 && (type === 'year' || (type === 'month' && !parts.day))) await press(el as never, 'ArrowRight');
  }
}

describe('fields: date', () => {
  it('picks YYYY-MM-DD with the native date input, and accepts it typed as text', async () => {
    const { el } = await openForm(
      { start: { type: 'string', title: 'Start date', format: 'date', pattern: D, order: 0 }, end: { type: 'string', title: 'End date', format: 'date', pattern: D, order: 1 } },
      ['start', 'end'],
    );
    const native = picker(el, 'Start date');
    expect(native.type).to.equal('date');
    await tabTo(el, native);
    await fillNative(el, { year: '2024', month: '05', day: '06' });
    expect(native.value).to.equal('2024-05-06');
    expect(formState(el).value.start).to.equal('2024-05-06');
    expect(control(el, 'Start date').value).to.equal('2024-05-06');
    // Typed as text, in another accepted form: rewritten to the pattern when the field is left.
    await tabTo(el, control(el, 'End date'));
    await typeKeys(el, '2024-07-08T10:00:00Z');
    await press(el, 'Tab');
    expect(formState(el).value.end).to.equal('2024-07-08');
    expect(picker(el, 'End date').value).to.equal('2024-07-08');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ start: '2024-05-06', end: '2024-07-08' });
  });
});

describe('fields: date-time', () => {
  it('picks YYYY-MM-DDTHH:mm:ssZ (UTC) with seconds, and with .SSS / .SSSSSS when the pattern asks', async () => {
    const { el } = await openForm(
      {
        since: { type: 'string', title: 'Since', format: 'date-time', pattern: DT, order: 0 },
        ms: { type: 'string', title: 'Since (ms)', format: 'date-time', pattern: DT.replace('Z$', '\\.[0-9]{3}Z$'), order: 1 },
        us: { type: 'string', title: 'Since (µs)', format: 'date-time', pattern: DT.replace('Z$', '.[0-9]{6}Z$'), order: 2 },
      },
      ['since', 'ms', 'us'],
    );
    const since = picker(el, 'Since');
    expect(since.type).to.equal('datetime-local');
    expect(since.step).to.equal('1');
    expect(picker(el, 'Since (ms)').step).to.equal('0.001');
    await tabTo(el, since);
    await fillNative(el, { year: '2024', month: '05', day: '06', hour: 19, minute: '08', second: '09' });
    expect(formState(el).value.since).to.equal('2024-05-06T19:08:09Z');
    expect(control(el, 'Since').value).to.equal('2024-05-06T19:08:09Z');

    await tabTo(el, picker(el, 'Since (ms)'));
    await fillNative(el, { year: '2024', month: '05', day: '06', hour: 7, minute: '08', second: '09', ms: '120' });
    expect(formState(el).value.ms).to.equal('2024-05-06T07:08:09.120Z');

    // Typed as text with an offset: stored in UTC, with the pattern's six digits.
    await tabTo(el, control(el, 'Since (µs)'));
    await typeKeys(el, '2024-05-06 01:30:00.5+02:00');
    await press(el, 'Tab');
    expect(formState(el).value.us).to.equal('2024-05-05T23:30:00.500000Z');
    expect(focused(el)).to.equal(picker(el, 'Since (µs)'));
    expect(picker(el, 'Since (µs)').value).to.equal('2024-05-05T23:30:00.5');
    await expect(el).to.be.accessible();
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({ since: '2024-05-06T19:08:09Z', ms: '2024-05-06T07:08:09.120Z', us: '2024-05-05T23:30:00.500000Z' });
  });

  it('leaves text that is not a date as typed, for validation to flag', async () => {
    const { el } = await openForm({ since: { type: 'string', title: 'Since', format: 'date-time', pattern: DT } }, ['since']);
    await tabTo(el, control(el, 'Since'));
    await typeKeys(el, 'last week');
    await press(el, 'Tab');
    expect(formState(el).value.since).to.equal('last week');
    expect(picker(el, 'Since').value).to.equal('');
    const error = el.shadowRoot!.querySelector('.error')!.textContent!;
    expect(error).to.equal('Use the format YYYY-MM-DDTHH:mm:ssZ');
  });

  it('clears to no value at all when the pattern allows empty (^$|…)', async () => {
    const { el } = await openForm({
      end: { type: 'string', title: 'End date', format: 'date-time', pattern: '^$|' + DT, always_show: true },
      until: { type: 'string', title: 'Until', format: 'date-time', pattern: '^$|' + DT, always_show: true },
    });
    await tabTo(el, picker(el, 'End date'));
    await fillNative(el, { year: '2030', month: '01', day: '02', hour: 3, minute: '04', second: '05' });
    expect(formState(el).value.end).to.equal('2030-01-02T03:04:05Z');
    // Clearing the text input…
    await tabTo(el, control(el, 'End date'), true);
    await press(el, 'Control+a', 'Backspace');
    expect('end' in formState(el).value).to.be.false;
    expect(picker(el, 'End date').value).to.equal('');
    // …or the picker (Backspace empties a segment, and the input with it).
    await tabTo(el, control(el, 'Until'));
    await typeKeys(el, '2030-01-02T03:04:05Z');
    await tabTo(el, picker(el, 'Until'));
    expect(picker(el, 'Until').value).to.equal('2030-01-02T03:04:05');
    await press(el, 'Backspace');
    expect('until' in formState(el).value).to.be.false;
    const { config } = await connectWithKeyboard(el, recorder);
    expect(config).to.deep.equal({});
  });
});

describe('fields: month', () => {
  it('picks YYYY-MM with a month input when the pattern is exactly ^[0-9]{4}-[0-9]{2}$', async () => {
    const { el } = await openForm(
      { month: { type: 'string', title: 'First month', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}$' } },
      ['month'],
    );
    const native = picker(el, 'First month');
    expect(native.type).to.equal('month');
    await tabTo(el, native);
    await fillNative(el, { year: '2024', month: '03' });
    expect(formState(el).value.month).to.equal('2024-03');
    expect(control(el, 'First month').value).to.equal('2024-03');
    await expect(el).to.be.accessible();
    // The sandbox asserts `format: date` (ajv-formats), which a month never satisfies: check what would be sent.
    expect(formState(el).submitValue()).to.deep.equal({ month: '2024-03' });
  });
});
