// Size budgets from the performance issue, measured as `gzip -9` of the built files. They fail the suite, so a
// change that makes the widget heavier than promised cannot land unnoticed. (The loader and its lazy chunks
// get their own budgets when they exist.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

const KIB = 1024;
const gzipped = (file: string) => gzipSync(readFileSync(new URL(`../../dist/${file}`, import.meta.url)), { level: 9 }).length;

describe('size budgets (gzip -9)', () => {
  it('the single-file build with everything stays within 35 KB', () => {
    const size = gzipped('airbyte-connect.iife.js');
    assert.ok(size <= 35 * KIB, `dist/airbyte-connect.iife.js is ${size} bytes gzipped; the budget is ${35 * KIB}`);
  });

  it('the entries that only register or wrap the element stay tiny (they import the main bundle)', () => {
    for (const file of ['define.js', 'react.js']) {
      const size = gzipped(file);
      assert.ok(size <= 1 * KIB, `dist/${file} is ${size} bytes gzipped`);
    }
  });
});
