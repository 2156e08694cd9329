// The zod types of src/api/zod-types.ts beside zod's own, input for input: the same verdict, the same value given
// (keys left out stay left out), and the same issues: path, message, and the `continue` flag that decides whether
// the checks after them run. A zod upgrade that changes how its own types read a value fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { list, nullable, object, ofType, optional, parsePart, string } from '../../src/api/zod-types.js';

const error = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : 'wrong type') };
const short = z.refine<string>((s) => s.length < 4, 'too long');

/** [ours, zod's] pairs of schemas, named. */
const pairs: [string, z.ZodMiniType, z.ZodMiniType][] = [
  ['string', string(error), z.string(error)],
  ['nullable', nullable(string(error)), z.nullable(z.string(error))],
  ['optional', optional(string(error)), z.optional(z.string(error))],
  ['list', list(string(error).check(short), error), z.array(z.string(error).check(short), error)],
  [
    'object',
    object({ a: string(error), b: optional(string(error).check(short)), c: optional(nullable(string(error))) }, error),
    z.object({ a: z.string(error), b: z.optional(z.string(error).check(short)), c: z.optional(z.nullable(z.string(error))) }, error),
  ],
  [
    'nested',
    object({ row: object({ x: string(error) }, error), rows: optional(list(object({ y: optional(string(error)) }))) }),
    z.object({ row: z.object({ x: z.string(error) }, error), rows: z.optional(z.array(z.object({ y: z.optional(z.string(error)) }))) }),
  ],
  // a key whose schema takes undefined: left out, it is still missing ("nonoptional")
  ['anything', object({ v: z.custom() }), z.object({ v: z.custom() })],
  // checks after an object: skipped after its type issue, run after a key's issue with `continue`
  [
    'checks after',
    object({ a: string(error), b: optional(z.custom(() => false)) }).check(z.refine(() => false, 'whole')),
    z.object({ a: z.string(error), b: z.optional(z.custom(() => false)) }).check(z.refine(() => false, 'whole')),
  ],
];

const inputs: unknown[] = [
  undefined, null, 0, 'abc', 'abcdef', [], ['a', 'abcdef', 1], [undefined, 'a'], {},
  { a: 'x' }, { a: 'x', b: 'bb', extra: 1 }, { a: 'x', b: undefined }, { a: 'x', b: 'long one' }, { a: 1, b: 2, c: 3 },
  { a: 'x', c: null }, { a: 'x', c: 5 }, { a: undefined },
  { row: { x: 'x' } }, { row: { x: 1 } }, { row: [] }, { row: { x: 'x' }, rows: [{ y: 'y' }, {}, { y: 1 }, null] },
  { v: undefined }, { v: 1 }, { b: 'x' },
  JSON.parse('{"a": "x", "__proto__": {"b": "polluted"}}'), Object.create({ a: 'inherited' }),
];

/** What a parse gives, as a reader sees it. */
function outcome(schema: z.ZodMiniType, input: unknown) {
  const result = z.safeParse(schema, input);
  const flags = parsePart(schema, input).issues.map((i) => [i.path ?? [], i.continue]);
  return result.success
    ? { ok: true, value: result.data, keys: result.data && typeof result.data == 'object' ? Reflect.ownKeys(result.data) : [], flags }
    : { ok: false, issues: result.error.issues.map((i) => [i.path, i.message]), flags };
}

describe('zod types of our own, beside zod’s', () => {
  for (const [name, ours, theirs] of pairs)
    it(`${name} reads every input as zod does`, () => {
      for (const input of inputs) assert.deepStrictEqual(outcome(ours, input), outcome(theirs, input), `${name}: ${JSON.stringify(input)}`);
    });

  it('ofType accepts what passes and stops the checks after it otherwise', () => {
    const positive = ofType<number>((v) => typeof v == 'number', { error: () => 'not a number' }).check(z.refine((n) => n > 0, 'positive'));
    assert.deepEqual(outcome(positive, 2), { ok: true, value: 2, keys: [], flags: [] });
    assert.deepEqual(z.safeParse(positive, 'x').error?.issues.map((i) => i.message), ['not a number']);
    assert.deepEqual(z.safeParse(positive, -1).error?.issues.map((i) => i.message), ['positive']);
  });

  it('an object gives a new object with only its keys, and a list a new list', () => {
    const input = { a: 'x', extra: 1 };
    const value = object({ a: string() }).parse(input);
    assert.notEqual(value, input);
    assert.deepEqual(value, { a: 'x' });
    const items = ['a'];
    assert.notEqual(list(string()).parse(items), items);
  });
});
