// Private CSS variables (`--_*`) do the styling work behind the public `--airbyte-connect-*` knobs. Every one used
// must be defined (else a style silently falls back to nothing) and every one defined must be used.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const components = fileURLToPath(new URL('../../src/components/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('private CSS variables', () => {
  const text = sources(components).join('\n');
  const defined = new Set([...text.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]!));
  const used = new Set([...text.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1]!));

  it('are all defined where they are used', () => {
    assert.ok(used.size > 5, 'the styles use private variables');
    assert.deepEqual([...used].filter((name) => !defined.has(name)), []);
  });

  it('are all used where they are defined', () => {
    assert.deepEqual([...defined].filter((name) => !used.has(name)), []);
  });
});
