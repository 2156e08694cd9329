// The README's Theming table and the demo's theme editor name exactly the public custom properties the element
// documents with @cssprop (which the manifest is generated from), with the same light defaults.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** `@cssprop [--name=default] - description` → name → light default. */
const documented = new Map(
  [...read('src/components/airbyte-connect.ts').matchAll(/@cssprop \[(--[\w-]+)=([^\]]*)\]/g)].map((m) => [m[1]!, m[2]!.trim()]),
);

function readmeSection(heading: string): string {
  const readme = read('README.md');
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has a "${heading}" section`);
  const end = readme.indexOf('\n### ', start + heading.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('theming docs', () => {
  it('the element documents its public custom properties', () => {
    assert.ok(documented.size >= 5);
    for (const name of documented.keys()) assert.match(name, /^--airbyte-connect-/);
  });

  it('the README Theming table lists exactly those, with their light defaults', () => {
    const rows = readmeSection('### Theming')
      .split('\n')
      .filter((line) => /^\| `--/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim().replace(/^`|`$/g, '')));
    assert.deepEqual(rows.map((row) => row[1]).sort(), [...documented.keys()].sort());
    for (const row of rows) assert.equal(row[2], documented.get(row[1]!), `light default of ${row[1]}`);
  });

  it('the theme editor has one control for each, and the light defaults agree', () => {
    const page = read('demo/pages/theme.html');
    const controls = [...page.matchAll(/<input [^>]*data-property="([^"]+)"[^>]*data-light="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const);
    assert.deepEqual(controls.map(([name]) => name).sort(), [...documented.keys()].sort());
    const hex = (value: string) => (/^#[0-9a-f]{3}$/i.test(value) ? `#${[...value.slice(1)].map((c) => c + c).join('')}` : value);
    for (const [name, light] of controls) {
      if (light) assert.equal(hex(light), hex(documented.get(name)!), `light default of ${name}`);
    }
  });

  it('the theme editor is in every demo page\'s navigation', () => {
    for (const page of ['index', 'dialog', 'compat', 'theme']) {
      assert.match(read(`demo/pages/${page}.html`), /<nav aria-label="Demo pages">[\s\S]*<a href="\/theme\.html"[^>]*>Theme editor<\/a>[\s\S]*<\/nav>/, page);
    }
  });

  it('the theme editor has no inline script or style (the demo serves a strict CSP)', () => {
    const page = read('demo/pages/theme.html');
    assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(page, /<style\b|\sstyle=|\son[a-z]+=/i);
  });
});
