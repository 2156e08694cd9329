import { dirname, relative, resolve } from 'node:path';
import MagicString from 'magic-string';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';

/**
 * The package's ES module entries, built together so that they share one copy of the element: `define.js` and
 * `react.js` import `airbyte-connect.js` instead of bundling it again. Each maps to its declaration in dist/types.
 */
const esmEntries = {
  // `airbyte-connect`: the main entry. Pure: exports the public API and registers nothing.
  'airbyte-connect': { entry: 'src/index.ts', types: 'index' },
  // `airbyte-connect/define`: registers <airbyte-connect> on import, and re-exports the main entry.
  define: { entry: 'src/define.ts', types: 'define' },
  // `airbyte-connect/react`: the React wrapper (registers the element too).
  react: { entry: 'src/react/index.ts', types: 'react/index' },
} as const;

/** Left as imports in every ES build: React comes from the host app, @lit/react is a dependency of its own. */
const peers = ['react', 'react-dom', '@lit/react'];
/** Runtime dependencies, left as imports in the Node build so that Node resolves Lit's own server build. */
const dependencies = ['lit', '@lit/reactive-element', 'lit-element', 'lit-html', 'zod'];

/** Whether `id` is one of `packages` or a subpath of one (`lit/directives/repeat.js`, `zod/mini`). */
function externalTo(packages: readonly string[]): (id: string) => boolean {
  return (id) => packages.some((name) => id === name || id.startsWith(`${name}/`));
}

/** Per build mode (`vite build --mode <name>`): entries, format, where it goes and what stays external. */
const builds = {
  // Browsers and bundlers (the exports' `default` condition): Lit and zod bundled, so a page can load the
  // files straight from dist/ with <script type="module">. Writes the declaration stubs.
  production: { entries: esmEntries, format: 'es', outDir: 'dist', external: externalTo(peers), stubs: true },
  // Node, server-side rendering (the exports' `node` condition): the same entries with Lit and zod left as
  // imports. Node then loads Lit's server build, which needs no DOM: importing touches no window/document.
  node: { entries: esmEntries, format: 'es', outDir: 'dist/node', external: externalTo([...peers, ...dependencies]), stubs: false },
  // One <script> tag: window.AirbyteConnect and window.AirbyteEmbeddedWidget. An IIFE allows one entry only.
  iife: { entries: { 'airbyte-connect.iife': { entry: 'src/iife.ts', types: undefined } }, format: 'iife', outDir: 'dist', external: externalTo([]), stubs: false },
  // <script src=".../airbyte-connect-loader.js">: registers a stand-in at once, imports the main entry on first use and adopts with its class.
  loader: { entries: { 'airbyte-connect-loader': { entry: 'src/loader/loader.ts', types: undefined } }, format: 'iife', outDir: 'dist', external: externalTo([]), stubs: false },
  // The chunks that import nothing (the element lends them Lit and what else they need), built on their own so that
  // a chunk never loads a second copy of the main bundle when the page reached that through another URL (a CDN's
  // redirect to a versioned address, a query string), and so that every build fetches the same file:
  // chunks/oauth.js, the sign-in (the single-file build fetches it from beside itself), and chunks/fields.js, the
  // rare field kinds. Two entries of one pass: what they shared would go into a third file, so the element lends
  // it instead (the budgets test holds both to importing nothing).
  oauth: {
    entries: { oauth: { entry: 'src/oauth/index.ts', types: undefined }, fields: { entry: 'src/components/fields/rare-kinds.ts', types: undefined } },
    format: 'es',
    outDir: 'dist/chunks',
    external: externalTo([]),
    stubs: false,
  },
  // `airbyte-connect/server`: createTokenClient for host backends (fetch only: Node ≥ 20 and edge runtimes).
  server: { entries: { server: { entry: 'src/server/index.ts', types: 'server/index' } }, format: 'es', outDir: 'dist', external: externalTo([]), stubs: true },
} as const;

type Entries = Record<string, { readonly entry: string; readonly types: string | undefined }>;

/** Writes `<entry>.d.ts` next to each entry, re-exporting the declarations `tsc` emits into dist/types. */
function declarationStubs(entries: Entries, enabled: boolean): Plugin {
  return {
    name: 'airbyte-connect-declaration-stubs',
    generateBundle() {
      if (!enabled) return;
      for (const [name, { types }] of Object.entries(entries)) {
        if (!types) continue;
        this.emitFile({ type: 'asset', fileName: `${name}.d.ts`, source: `export * from './types/${types}.js';\n` });
      }
    },
  };
}

/**
 * Keeps one copy of the element across the ES entries: an import from a secondary entry (`define`, `react`) into
 * the rest of src/ becomes an import of the built main entry (`./airbyte-connect.js`), or of the other entry it
 * names (`react` imports `./define.js`). Everything a secondary entry takes from src/ must therefore be exported
 * by src/index.ts; the build fails otherwise. Without this the bundler would move the shared code into a hashed
 * chunk and leave the main entry a re-export stub.
 */
function shareMainEntry(entries: Entries, main: string): Plugin {
  const files = new Map(Object.entries(entries).map(([name, { entry }]) => [resolve(entry), name]));
  /** A secondary entry's own modules: its file, or its whole folder when it is a folder's index.ts. */
  const owners = Object.entries(entries)
    .filter(([name]) => name !== main)
    .map(([, { entry }]) => (entry.endsWith('/index.ts') && dirname(entry) !== 'src' ? `${resolve(dirname(entry))}/` : resolve(entry)));
  const owner = (id: string) => owners.find((own) => (own.endsWith('/') ? id.startsWith(own) : id === own));
  return {
    name: 'airbyte-connect-share-main-entry',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const own = owner(importer);
      if (!own) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || relative(resolve('src'), resolved.id).startsWith('..')) return null;
      if (owner(resolved.id) === own) return null;
      const target = files.get(resolved.id) ?? main;
      return { id: `./${target}.js`, external: true };
    },
  };
}

/**
 * package.json `sideEffects` (written for the published dist/ files) also applies to src/ while building, so a
 * bundle that imports `define.ts` rather than starting from it (the IIFE) would drop its registration as dead
 * code. These sources register the element when imported: keep their top-level code.
 */
function registersOnImport(files: readonly string[]): Plugin {
  const ids = new Set(files.map((file) => resolve(file)));
  return {
    name: 'airbyte-connect-registers-on-import',
    transform(code, id) {
      return ids.has(id) ? { code, map: null, moduleSideEffects: true } : null;
    },
  };
}

/**
 * Lit's templates and styles are strings that the minifier must leave alone, so their indentation would ship as
 * is. In the static parts of html`` templates each run of white space that holds a line break becomes one space:
 * HTML reads it the same (none of our templates holds a <pre>). In css`` templates, outside quoted strings, white
 * space also goes where CSS never needs it (around `{ } ; , >`, after `:`) and so does the last `;` of a block.
 * magic-string keeps the source maps true.
 */
const minifyCss = (text: string) =>
  text
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':').replace(/;}/g, '}'),
    )
    .join('');

function collapseTemplateWhitespace(): Plugin {
  return {
    name: 'airbyte-connect-collapse-template-whitespace',
    transform(code, id) {
      if (!id.includes('/src/components/') || !/\b(html|css)`/.test(code)) return null;
      const out = new MagicString(code);
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as { type?: string; tag?: { type: string; name?: string }; quasi?: { quasis: { start: number; end: number }[] } };
        if (n.type === 'TaggedTemplateExpression' && n.tag?.type === 'Identifier' && (n.tag.name === 'html' || n.tag.name === 'css'))
          for (const { start, end } of n.quasi!.quasis) {
            const text = code.slice(start, end);
            if (n.tag.name === 'css') {
              if (end > start && minifyCss(text) !== text) out.overwrite(start, end, minifyCss(text));
            } else for (const gap of text.matchAll(/\s*\n\s*/g)) out.overwrite(start + gap.index, start + gap.index + gap[0].length, ' ');
          }
        for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
      };
      visit(this.parse(code));
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * The single-file build fetches what the ES build splits out (the catalogs, the sign-in chunk, the error reader)
 * from beside itself, and bundles the rare field kinds (`chunks/fields.js`: it could fetch that too, but a page
 * that shows one would wait for a fetch more) and the locale resolution (`chunks/locale.js`: a fetch more for every
 * page not in plain English).
 */
function besideTheScript(): Plugin {
  return {
    name: 'airbyte-connect-beside-the-script',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './catalog-files.js' && importer?.endsWith('/src/i18n/load-catalog.ts')) return resolve('src/i18n/catalog-files-from-script.ts');
      if (source.endsWith('/oauth/load.js')) return resolve('src/oauth/load-from-script.ts');
      if (source === './load-error-body.js' && importer?.endsWith('/src/api/client.ts')) return resolve('src/api/load-error-body-from-script.ts');
      if (source === './rare-kinds-file.js' && importer?.endsWith('/src/components/fields/load-field-kinds.ts')) return resolve('src/components/fields/rare-kinds-bundled.ts');
      if (source === '../i18n/locale-words-file.js' && importer?.endsWith('/src/components/airbyte-connect.ts')) return resolve('src/i18n/locale-words-bundled.ts');
      return null;
    },
  };
}

/**
 * A second minifier pass: terser over the bundler's minified output, about 1.5 % smaller after gzip, which matters
 * against the size budgets. Only terser's safe transforms. The source map is composed with the bundler's, so it
 * still points into src/.
 */
function terserAfterBundler(): Plugin {
  return {
    name: 'airbyte-connect-terser',
    async generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          module: options.format === 'es',
          compress: { passes: 3 },
          sourceMap: chunk.map ? { content: JSON.stringify(chunk.map) } : false,
        });
        // terser drops the bundler's `//# sourceMappingURL` line: put it back.
        chunk.code = result.code! + (/\n\/\/# sourceMappingURL=.*$/.exec(chunk.code)?.[0] ?? '');
        const map = bundle[`${chunk.fileName}.map`];
        if (map?.type === 'asset' && typeof result.map === 'string') map.source = result.map;
      }
    },
  };
}

/**
 * In the ES builds the sign-in chunk and the rare field kinds are the separately built `chunks/oauth.js` and
 * `chunks/fields.js` (in `dir`), imported on demand.
 */
function separateChunks(dir: string): Plugin {
  return {
    name: 'airbyte-connect-separate-chunks',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './index.js' && importer?.endsWith('/src/oauth/load.ts')) return { id: `${dir}/oauth.js`, external: true };
      if (source === './rare-kinds.js' && importer?.endsWith('/src/components/fields/rare-kinds-file.ts')) return { id: `${dir}/fields.js`, external: true };
      return null;
    },
  };
}

/**
 * Chunks that the single-file build fetches by name (the catalogs, the error-body reader) keep a fixed one; so does
 * the ES builds' own on-demand chunk (the locale resolution), so that its name says what it holds. The rest are hashed.
 */
function chunkFileName(chunk: { name: string; facadeModuleId: string | null }): string {
  const id = chunk.facadeModuleId ?? '';
  if (id.includes('/src/i18n/locales/')) return 'locales/[name].js';
  if (id.endsWith('/src/api/error-body.ts')) return 'chunks/error-body.js';
  if (id.endsWith('/src/i18n/locale-words.ts')) return 'chunks/locale.js';
  return 'chunks/[name]-[hash].js';
}

export default defineConfig(({ mode }) => {
  const build = builds[mode as keyof typeof builds] ?? builds.production;
  const entries: Entries = build.entries;
  return {
    plugins: [
      collapseTemplateWhitespace(),
      ...(build === builds.iife ? [besideTheScript()] : []),
      ...(build === builds.production ? [separateChunks('./chunks')] : build === builds.node ? [separateChunks('../chunks')] : []),
      registersOnImport(['src/define.ts', 'src/iife.ts', 'src/react/index.ts']),
      ...(build.entries === esmEntries ? [shareMainEntry(entries, 'airbyte-connect')] : []),
      declarationStubs(entries, build.stubs),
      terserAfterBundler(),
    ],
    build: {
      target: 'es2022',
      outDir: build.outDir,
      emptyOutDir: build === builds.production,
      sourcemap: true,
      lib: {
        entry: Object.fromEntries(Object.entries(entries).map(([name, { entry }]) => [name, entry])),
        name: 'AirbyteConnect',
        formats: [build.format],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        external: build.external,
        output: { chunkFileNames: chunkFileName, minify: true },
      },
    },
  };
});
