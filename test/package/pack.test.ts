// The package as an integrator gets it: `npm pack` of the built dist/, installed offline into a scratch project,
// then every entry imported by name in Node (as during server-side rendering) and bundled by a bundler.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import { installedVersion, notBuilt, pack, pkg, scratchProject, type Packed, type ScratchProject } from './scratch.js';

const skip = notBuilt();

/** Every target the exports map, `main`/`module`/`types` and `customElements` name. */
function targets(): string[] {
  const found = new Set([pkg.main, pkg.module, pkg.types, `./${pkg.customElements}`]);
  for (const [key, value] of Object.entries(pkg.exports)) {
    if (key.includes('*')) continue;
    for (const target of typeof value === 'string' ? [value] : Object.values(value)) found.add(target);
  }
  return [...found].map((target) => target.replace(/^\.\//, ''));
}

/**
 * Node code that records who reads `window` or `document` (the first stack frame outside this snippet), imports
 * `specifier`, runs `after` with the module as `mod`, and prints a JSON report.
 */
function probe(specifier: string, after = 'return {};'): string {
  return `
    const reads = [];
    for (const name of ['window', 'document']) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          const frame = new Error().stack.split('\\n').slice(2).find((line) => !line.includes('[eval'));
          reads.push(name + ' read by ' + (frame ?? '?').trim());
          return undefined;
        },
      });
    }
    const mod = await import(${JSON.stringify(specifier)});
    const extra = await (async (mod) => { ${after} })(mod);
    console.log(JSON.stringify({
      resolved: import.meta.resolve(${JSON.stringify(specifier)}),
      exports: Object.keys(mod).sort(),
      registered: globalThis.customElements?.get('airbyte-connect') ?? null,
      sameClass: globalThis.customElements?.get('airbyte-connect') === mod.AirbyteConnect,
      reads,
      ...extra,
    }));
  `;
}

interface Report {
  resolved: string;
  exports: string[];
  registered: unknown;
  sameClass: boolean;
  reads: string[];
  [key: string]: unknown;
}

/** Reads of window/document by anything but the packages in `allowed` (Lit's own "is there a DOM?" checks). */
function foreignReads(report: Report, allowed = ['lit-html', 'lit-element', '@lit/reactive-element']): string[] {
  return report.reads.filter((read) => !allowed.some((name) => read.includes(`/node_modules/${name}/`)));
}

describe('npm pack', { skip, timeout: 180_000 }, () => {
  let packed: Packed;
  let project: ScratchProject;

  before(() => {
    packed = pack();
    const react = installedVersion('react');
    project = scratchProject(packed, [`react@${react}`, `react-dom@${installedVersion('react-dom')}`]);
  });
  after(() => packed?.dispose());

  it('ships dist/, the README and package.json, and nothing else', () => {
    const outside = packed.files.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file));
    assert.deepEqual(outside, []);
    assert.ok(!packed.files.some((file) => file.startsWith('dist/types/sandbox/')), 'no sandbox declarations');
  });

  it('holds exactly the entry files, the loader, the catalogs and the on-demand chunks, nothing stray', () => {
    const scripts = packed.files.filter((file) => file.endsWith('.js')).sort();
    const locales = ['de', 'es', 'fr', 'ja', 'pt'];
    assert.deepEqual(scripts, [
      'dist/airbyte-connect-loader.js',
      'dist/airbyte-connect.iife.js',
      'dist/airbyte-connect.js',
      // Fetched on demand, under fixed names so that the single-file build finds them beside itself.
      'dist/chunks/error-body.js',
      // Fetched by the ES builds, Node's too, for a form with a rare field kind (the single-file build holds them).
      'dist/chunks/fields.js',
      // Fetched by the ES builds for a locale other than plain English (the single-file build holds it).
      'dist/chunks/locale.js',
      'dist/chunks/oauth.js',
      'dist/define.js',
      ...locales.map((language) => `dist/locales/${language}.js`),
      'dist/node/airbyte-connect.js',
      'dist/node/chunks/error-body.js',
      'dist/node/chunks/locale.js',
      'dist/node/define.js',
      ...locales.map((language) => `dist/node/locales/${language}.js`),
      'dist/node/react.js',
      'dist/react.js',
      'dist/server.js',
    ]);
  });

  it('holds every file package.json points at', () => {
    for (const target of targets()) assert.ok(packed.files.includes(target), `${target} is named in package.json but not packed`);
    for (const file of pkg.sideEffects) assert.ok(packed.files.includes(file.replace(/^\.\//, '')), `sideEffects names ${file}, which is not packed`);
  });

  it('puts types first in every conditional export', () => {
    for (const [key, value] of Object.entries(pkg.exports)) {
      if (typeof value === 'string') continue;
      assert.equal(Object.keys(value)[0], 'types', `exports["${key}"] must list "types" first`);
      assert.equal(Object.keys(value).at(-1), 'default', `exports["${key}"] must end with "default"`);
    }
  });

  it('lists as side effects only the files that register the element', () => {
    assert.deepEqual([...pkg.sideEffects].sort(), [
      './dist/airbyte-connect.iife.js',
      './dist/define.js',
      './dist/node/define.js',
      './dist/node/react.js',
      './dist/react.js',
    ]);
  });

  it('imports `airbyte-connect` in Node: the API, nothing registered, no window or document', () => {
    const report = JSON.parse(project.node(probe('airbyte-connect'))) as Report;
    assert.match(report.resolved, /node_modules\/airbyte-connect\/dist\/node\/airbyte-connect\.js$/);
    for (const name of ['AirbyteConnect', 'AirbyteEmbeddedWidget', 'ApiClient', 'ApiError', 'DEFAULT_API_BASE_URL', 'TokenError', 'defineAirbyteConnect']) {
      assert.ok(report.exports.includes(name), `exports ${name}`);
    }
    assert.equal(report.registered, null, 'importing the main entry registers nothing');
    assert.deepEqual(foreignReads(report), []);
  });

  it('imports `airbyte-connect/server` in Node without touching window or document', () => {
    const report = JSON.parse(project.node(probe('airbyte-connect/server', 'return { client: typeof mod.createTokenClient({ clientId: "a", clientSecret: "b" }).widgetToken };'))) as Report;
    assert.match(report.resolved, /node_modules\/airbyte-connect\/dist\/server\.js$/);
    assert.deepEqual(report.exports, ['TokenClientError', 'createTokenClient']);
    assert.equal(report.client, 'function');
    assert.deepEqual(report.reads, []);
  });

  it('imports `airbyte-connect/define` in Node: registers the same class in Lit\'s server registry, no window or document', () => {
    const report = JSON.parse(project.node(probe('airbyte-connect/define', 'await import("airbyte-connect/define"); mod.defineAirbyteConnect(); return {};'))) as Report;
    assert.match(report.resolved, /node_modules\/airbyte-connect\/dist\/node\/define\.js$/);
    assert.ok(report.exports.includes('AirbyteConnect') && report.exports.includes('defineAirbyteConnect'));
    assert.equal(report.sameClass, true, '<airbyte-connect> is registered with the exported class');
    assert.deepEqual(foreignReads(report), []);
  });

  it('imports `airbyte-connect/react` in Node and renders it on the server without touching window or document', () => {
    const render = `
      const React = (await import('react')).default;
      const { renderToString } = await import('react-dom/server');
      return { html: renderToString(React.createElement(mod.AirbyteConnect, { tokenUrl: '/token', onSourceCreated() {} })) };
    `;
    const report = JSON.parse(project.node(probe('airbyte-connect/react', render))) as Report;
    assert.match(report.resolved, /node_modules\/airbyte-connect\/dist\/node\/react\.js$/);
    assert.ok(report.exports.includes('AirbyteConnect'));
    assert.match(String(report.html), /^<airbyte-connect[\s>]/);
    assert.notEqual(report.registered, null, 'the React entry registers the element');
    assert.deepEqual(foreignReads(report, ['lit-html', 'lit-element', '@lit/reactive-element', 'react', 'react-dom']), []);
  });

  it('resolves `./dist/*`, `./custom-elements.json` and package.json `customElements`', () => {
    const code = `console.log(JSON.stringify(['airbyte-connect/dist/airbyte-connect.iife.js', 'airbyte-connect/custom-elements.json', 'airbyte-connect/package.json'].map((s) => import.meta.resolve(s))));`;
    const [iife, manifest, manifestPkg] = JSON.parse(project.node(code)) as string[];
    assert.match(iife!, /node_modules\/airbyte-connect\/dist\/airbyte-connect\.iife\.js$/);
    assert.match(manifest!, /node_modules\/airbyte-connect\/dist\/custom-elements\.json$/);
    const installed = JSON.parse(readFileSync(new URL(manifestPkg!), 'utf8')) as { customElements: string };
    assert.ok(existsSync(join(project.dir, 'node_modules/airbyte-connect', installed.customElements)));
  });

  describe('in a bundler (Vite, browser conditions)', () => {
    async function bundle(name: string, source: string): Promise<string> {
      writeFileSync(join(project.dir, name), source);
      const result = await build({
        root: project.dir,
        configFile: false,
        logLevel: 'silent',
        build: {
          write: false,
          minify: false,
          lib: { entry: join(project.dir, name), formats: ['es'], fileName: 'out' },
          rolldownOptions: { external: ['react', 'react-dom', 'react/jsx-runtime'] },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
      return outputs.flatMap((out) => out.output).map((chunk) => chunk.code ?? '').join('\n');
    }

    it('drops an unused `import "airbyte-connect"` entirely: the main entry has no side effects', async () => {
      const code = await bundle('pure.js', "import 'airbyte-connect';\nexport const answer = 42;\n");
      assert.doesNotMatch(code, /customElements|LitElement|lit-html/);
      assert.ok(code.length < 200, `expected an almost empty bundle, got ${code.length} bytes`);
    });

    it('keeps the registration of `import "airbyte-connect/define"`, with Lit bundled in', async () => {
      const code = await bundle('define.js', "import 'airbyte-connect/define';\n");
      assert.match(code, /customElements\.define/);
      assert.match(code, /airbyte-connect/);
    });
  });
});
