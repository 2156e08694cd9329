// The styles (and the chunks' rules written as strings) use logical properties only (margin-inline-start, not margin-left; text-align: start), so a
// right-to-left locale mirrors the layout with no extra rules; and every animation or transition stops under
// prefers-reduced-motion. The browser side of both is in a11y.browser.test.ts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The text of every css`…` block in src/components and src/oauth, and of every rule written as a plain string (the
 * chunks' rules that join the element's stylesheet, such as '.radios{border:0}'), one rule per line.
 */
function cssBlocks(dir: string): { file: string; css: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cssBlocks(path);
    if (!path.endsWith('.ts')) return [];
    const text = readFileSync(path, 'utf8');
    const rules = [...text.matchAll(/'([.#:\w][^'{]*\{[^'}]*\})'/g)].map((m) => m[1]!);
    return [...text.matchAll(/\bcss`([^`]*)`/g)].map((m) => ({ file: name, css: m[1]! })).concat(rules.length ? [{ file: name, css: rules.join('\n') }] : []);
  });
}

/** Declarations tied to a physical side, and the logical form to use instead. */
const PHYSICAL: [RegExp, string][] = [
  [/\b(margin|padding|border|inset|scroll-margin|scroll-padding)-(left|right|top|bottom)\b[\w-]*\s*:/, '…-inline-start/-end, …-block-start/-end'],
  [/(^|[\s;{])(left|right|top|bottom)\s*:/, 'inset-inline-start/-end, inset-block-start/-end'],
  [/\bborder-(top|bottom)-(left|right)-radius\s*:/, 'border-start-start-radius and friends'],
  [/\btext-align\s*:\s*(left|right)\b/, 'text-align: start | end'],
  [/\bfloat\s*:\s*(left|right)\b/, 'float: inline-start | inline-end'],
  [/\bclear\s*:\s*(left|right)\b/, 'clear: inline-start | inline-end'],
  [/(^|[\s;{])(min-|max-)?(width|height)\s*:/, 'inline-size / block-size'],
  [/\bresize\s*:\s*(vertical|horizontal)\b/, 'resize: block | inline'],
  // A shorthand with three or four different values sets left and right apart: say which is inline-start.
  [/(^|[\s;{])(margin|padding)\s*:\s*(?!0\s*;)([^;{}]+\s+){2,3}[^;{}]+;/, 'margin-block / margin-inline (or padding-…)'],
];

describe('component styles', () => {
  const blocks = [...cssBlocks(join(src, 'components')), ...cssBlocks(join(src, 'oauth'))];

  it('are found, the chunks’ rules too', () => {
    assert.ok(blocks.some((b) => b.file === 'styles.ts' && b.css.length > 1000));
    assert.ok(blocks.some((b) => b.file === 'rare-styles.ts' && b.css.includes('.radio-card{')));
    assert.ok(blocks.some((b) => b.file === 'sign-in-kit.ts' && b.css.includes('.auth-done{')));
  });

  it('use logical properties only, so right-to-left layout mirrors', () => {
    const found: string[] = [];
    for (const { file, css } of blocks) {
      for (const line of css.split('\n')) {
        for (const [pattern, instead] of PHYSICAL) {
          if (pattern.test(line)) found.push(`${file}: "${line.trim().slice(0, 120)}" — use ${instead}`);
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it('stop every animation and transition under prefers-reduced-motion', () => {
    const all = blocks.map((b) => b.css).join('\n');
    const reduce = /@media\s*\(prefers-reduced-motion:\s*reduce\)\s*\{([\s\S]*?\})\s*\}/.exec(all);
    assert.ok(reduce, 'a prefers-reduced-motion: reduce block exists');
    const body = reduce[1]!;
    assert.match(body, /\*\s*,\s*\*::before\s*,\s*\*::after/, 'it applies to every element and pseudo-element');
    assert.match(body, /animation:\s*none\s*!important/);
    assert.match(body, /transition:\s*none\s*!important/);
  });
});
