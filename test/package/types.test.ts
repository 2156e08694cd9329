// The published typings, seen from a consumer: a small TypeScript file importing the package by name (the
// repository's package.json resolves to itself, so the exports map and dist/*.d.ts are what is checked) is
// typechecked with `tsc --noEmit`, under both `bundler` and `node16` module resolution.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { notBuilt, pkg, repo } from './scratch.js';

const skip = notBuilt();

const consumer = `
import { AirbyteConnect, defineAirbyteConnect, type AirbyteConnectEventMap } from 'airbyte-connect';
import 'airbyte-connect/define';
import { createTokenClient, TokenClientError } from 'airbyte-connect/server';
import { AirbyteConnect as AirbyteConnectForReact } from 'airbyte-connect/react';
import { createElement } from 'react';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const found = document.querySelector('airbyte-connect');
const isElement: Equal<typeof found, AirbyteConnect | null> = true;
const made: AirbyteConnect = document.createElement('airbyte-connect');

found?.addEventListener('airbyte-source-created', (event) => event.detail.source.id.toUpperCase());
found?.addEventListener('airbyte-error', (event) => event.detail.code.length + (event.detail.status ?? 0));
found?.addEventListener('airbyte-ready', (event) => event.detail.templates + event.detail.sources);
// @ts-expect-error: a source has no such field
found?.addEventListener('airbyte-source-created', (event) => event.detail.source.nope);
// @ts-expect-error: the detail of airbyte-source-deleted is {sourceId}
found?.addEventListener('airbyte-source-deleted', (event) => event.detail.source);
const detail: Equal<AirbyteConnectEventMap['airbyte-check']['detail'], { status: 'succeeded' | 'failed'; message?: string }> = true;

made.updateToken('token');
made.show();
made.close();
const reloaded: Promise<void> = made.reload();
made.tokenProvider = async () => 'token';
made.onEvent = (envelope) => envelope.message;
// @ts-expect-error: mode is 'inline' or 'dialog'
made.mode = 'popup';
defineAirbyteConnect('my-airbyte-connect');

const tokens = createTokenClient({ clientId: 'id', clientSecret: 'secret' });
const widget: Promise<string> = tokens.widgetToken({ workspaceName: 'w', allowedOrigin: 'https://app.example.com' });
const isError: boolean = new Error() instanceof TokenClientError;

createElement(AirbyteConnectForReact, { tokenUrl: '/token', onSourceCreated: (event) => event.detail.source.id });

export { isElement, detail, reloaded, widget, isError };
`;

/** Writes `files` into a new directory under .test-results/, runs tsc there with `options`, returns its output. */
function typecheck(dir: string, files: Record<string, string>, options: Record<string, unknown>): { ok: boolean; output: string } {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const compilerOptions = {
    target: 'es2022',
    lib: ['es2022', 'dom', 'dom.iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
    ...options,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }));
  const result = spawnSync(join(repo, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: repo, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

describe('typings', { skip }, () => {
  let root: string;
  before(() => {
    mkdirSync(join(repo, '.test-results'), { recursive: true });
    root = mkdtempSync(join(repo, '.test-results', 'package-types-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const [name, options] of [
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
  ] as const) {
    it(`type the element, its events and every entry for a consumer (moduleResolution ${name})`, () => {
      const dir = mkdtempSync(join(root, `${name}-`));
      const { ok, output } = typecheck(dir, { 'consumer.ts': consumer }, options);
      assert.ok(ok, output);
    });
  }

  it('reject a wrong detail access', () => {
    const dir = mkdtempSync(join(root, 'wrong-'));
    const wrong = `import 'airbyte-connect/define';\ndocument.querySelector('airbyte-connect')?.addEventListener('airbyte-source-created', (e) => e.detail.sourceId);\n`;
    const { ok, output } = typecheck(dir, { 'wrong.ts': wrong }, { module: 'esnext', moduleResolution: 'bundler' });
    assert.equal(ok, false, 'a wrong detail access must not typecheck');
    assert.match(output, /error TS\d+: Property 'sourceId' does not exist on type '\{ source: /);
  });

  it('agree with the detail types the manifest gives each event', () => {
    const manifest = JSON.parse(readFileSync(join(repo, pkg.customElements), 'utf8')) as {
      modules: { declarations?: { tagName?: string; events?: { name: string; type?: { text: string } }[] }[] }[];
    };
    const events = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'airbyte-connect')?.events ?? [];
    assert.ok(events.length > 0, 'the manifest lists events');
    const lines = events.map((event, i) => {
      assert.ok(event.type?.text, `${event.name} has a detail type in the manifest`);
      return `const e${i}: Equal<${event.type.text}, AirbyteConnectEventMap[${JSON.stringify(event.name)}]> = true; void e${i};`;
    });
    const source = [
      "import type { AirbyteConnectEventMap, AirbyteEnvelope, AirbyteErrorDetail, Source } from 'airbyte-connect';",
      'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
      ...lines,
      'export type { AirbyteEnvelope, AirbyteErrorDetail, Source };',
    ].join('\n');
    const dir = mkdtempSync(join(root, 'manifest-'));
    const { ok, output } = typecheck(dir, { 'manifest-events.ts': source }, { module: 'esnext', moduleResolution: 'bundler' });
    assert.ok(ok, `the manifest's event types differ from AirbyteConnectEventMap:\n${output}`);
  });
});
