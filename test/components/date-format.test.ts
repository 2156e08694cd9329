import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateKind, toNative, toPattern } from '../../src/components/fields/date-format.js';

const D = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DT = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$';

describe('dateKind: which picker a date field gets', () => {
  const cases: [string | undefined, string | undefined, ReturnType<typeof dateKind>][] = [
    [undefined, D, undefined],
    ['email', undefined, undefined],
    ['date', undefined, { type: 'date', digits: 0 }],
    ['date', D, { type: 'date', digits: 0 }],
    ['date', '^$|' + D, { type: 'date', digits: 0 }],
    ['date-time', undefined, { type: 'datetime-local', digits: 0 }],
    ['date-time', DT, { type: 'datetime-local', digits: 0 }],
    ['date-time', '^$|' + DT, { type: 'datetime-local', digits: 0 }],
    ['date-time', '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$', { type: 'datetime-local', digits: 3 }],
    // Real specs also write the dot unescaped.
    ['date-time', '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.[0-9]{6}Z$', { type: 'datetime-local', digits: 6 }],
    ['date-time', '^[0-9]{4}-[0-9]{2}$', { type: 'month', digits: 0 }],
    ['date', '^$|^[0-9]{4}-[0-9]{2}$', { type: 'month', digits: 0 }],
    ['date-time', D, { type: 'date', digits: 0 }],
    ['date-time', '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?$', { type: 'datetime-local', digits: 0 }],
  ];
  for (const [format, pattern, want] of cases)
    it(`${format} ${pattern ?? '(no pattern)'}`, () => assert.deepEqual(dateKind(format, pattern), want));
});

describe('toPattern: typed or picked text → the pattern format, in UTC', () => {
  const date = dateKind('date')!;
  const month = dateKind('date', '^[0-9]{4}-[0-9]{2}$')!;
  const seconds = dateKind('date-time', DT)!;
  const millis = dateKind('date-time', DT.replace('Z$', '\\.[0-9]{3}Z$'))!;
  const micros = dateKind('date-time', DT.replace('Z$', '\\.[0-9]{6}Z$'))!;
  const cases: [string, typeof date, string | undefined][] = [
    ['2024-05-06', date, '2024-05-06'],
    ['2024-05-06T23:30:00Z', date, '2024-05-06'],
    ['2024-05', month, '2024-05'],
    ['2024-05-06', month, '2024-05'],
    // What native inputs give: no zone means UTC wall-clock time.
    ['2024-05-06T07:08', seconds, '2024-05-06T07:08:00Z'],
    ['2024-05-06T07:08:09', seconds, '2024-05-06T07:08:09Z'],
    ['2024-05-06T07:08:09.5', millis, '2024-05-06T07:08:09.500Z'],
    ['2024-05-06T07:08:09.123', micros, '2024-05-06T07:08:09.123000Z'],
    ['2024-05-06T07:08:09.1234567Z', micros, '2024-05-06T07:08:09.123456Z'],
    ['2024-05-06T07:08:09Z', millis, '2024-05-06T07:08:09.000Z'],
    ['2024-05-06', seconds, '2024-05-06T00:00:00Z'],
    [' 2024-05-06 07:08:09 ', seconds, '2024-05-06T07:08:09Z'],
    // Offsets are converted to UTC.
    ['2024-05-06T01:30:00+02:00', seconds, '2024-05-05T23:30:00Z'],
    ['2024-12-31T23:00:00-0130', seconds, '2025-01-01T00:30:00Z'],
    ['2024-05-06t07:08:09z', seconds, '2024-05-06T07:08:09Z'],
    ['2024-02-30', date, undefined],
    ['2024-13', month, undefined],
    ['2024-05-06T25:00:00Z', seconds, undefined],
    ['06/05/2024', date, undefined],
    ['', date, undefined],
    ['yesterday', seconds, undefined],
  ];
  for (const [text, kind, want] of cases)
    it(`${JSON.stringify(text)} as ${kind.type}/${kind.digits} → ${want}`, () => assert.equal(toPattern(text, kind), want));
});

describe('toNative: a stored value → the native input value', () => {
  it('writes each input type’s own format, UTC wall-clock', () => {
    assert.equal(toNative('2024-05-06', dateKind('date')!), '2024-05-06');
    assert.equal(toNative('2024-05', dateKind('date', '^[0-9]{4}-[0-9]{2}$')!), '2024-05');
    assert.equal(toNative('2024-05-06T07:08:09Z', dateKind('date-time')!), '2024-05-06T07:08:09');
    assert.equal(toNative('2024-05-06T07:08:09+01:00', dateKind('date-time')!), '2024-05-06T06:08:09');
    assert.equal(toNative('2024-05-06T07:08:09.123456Z', dateKind('date-time', DT.replace('Z$', '.[0-9]{6}Z$'))!), '2024-05-06T07:08:09.123');
    assert.equal(toNative('2024-05-06T07:08:09Z', dateKind('date-time', DT.replace('Z$', '.[0-9]{3}Z$'))!), '2024-05-06T07:08:09.000');
  });
  it('gives an empty input for nothing or for text that is not a date', () => {
    assert.equal(toNative(undefined, dateKind('date')!), '');
    assert.equal(toNative('soon', dateKind('date')!), '');
    assert.equal(toNative(42, dateKind('date')!), '');
  });
  it('round-trips: native value → pattern → native value', () => {
    const kind = dateKind('date-time', DT.replace('Z$', '\\.[0-9]{3}Z$'))!;
    const stored = toPattern('2030-01-02T03:04:05.678', kind)!;
    assert.equal(stored, '2030-01-02T03:04:05.678Z');
    assert.equal(toNative(stored, kind), '2030-01-02T03:04:05.678');
  });
});
