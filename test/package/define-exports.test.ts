// `define.ts` re-exports the public API by name (an `export *` would also pass on the internal bindings the built
// main entry exports for its chunks): a value added to `index.ts` must be added there too, or `airbyte-connect/define`
// would hand it over as a type only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

/** The value (not type-only) names a file re-exports with `export { … } from`. */
function reexportedValues(file: string): string[] {
  const source = readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8');
  return [...source.matchAll(/^export \{([^}]*)\} from /gm)]
    .flatMap((match) => match[1]!.split(','))
    .map((name) => name.trim())
    .filter((name) => name && !name.startsWith('type '))
    .sort();
}

describe('airbyte-connect/define', () => {
  it('re-exports every value of the main entry', () => {
    const main = reexportedValues('index.ts');
    assert.ok(main.includes('AirbyteConnect') && main.includes('defineAirbyteConnect'), main.join(', '));
    assert.deepEqual(reexportedValues('define.ts'), main);
  });
});
