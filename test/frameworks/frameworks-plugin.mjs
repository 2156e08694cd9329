// A web-test-runner plugin that lets browser tests import React 19 and Vue 3 by their package names.
//
// React and React DOM ship CommonJS only, which a browser cannot import. The plugin bundles them once, with
// the esbuild the test runner already uses, into one ES module (so React DOM and the tests share a single
// React), and serves a thin ES module per package name that re-exports its named exports.
// Vue's default ESM build expects a bundler to replace `process.env.NODE_ENV`; its self-contained browser
// build (with the template compiler, for `compilerOptions.isCustomElement`) is served instead.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The esbuild that @web/dev-server-esbuild depends on: no package of its own to install.
const esbuild = createRequire(require.resolve('@web/dev-server-esbuild'))('esbuild');

const PREFIX = '/__frameworks/';
/** Package name → the module it is served as, and the CommonJS module that holds its exports. */
const PACKAGES = {
  react: 'react.js',
  'react-dom': 'react-dom.js',
  'react-dom/client': 'react-dom-client.js',
  'react/jsx-runtime': 'react-jsx-runtime.js',
};
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function frameworksPlugin() {
  let rootDir = process.cwd();
  let bundle;

  /** One ES module holding every React package, each exported under its index in PACKAGES. */
  function reactBundle() {
    bundle ??= esbuild
      .build({
        stdin: {
          contents: Object.keys(PACKAGES).map((name, i) => `export { default as p${i} } from '${name}';`).join('\n'),
          resolveDir: rootDir,
          loader: 'js',
        },
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'silent',
      })
      .then((result) => result.outputFiles[0].text);
    return bundle;
  }

  /** The names a CommonJS package exports, read in a separate Node process (React patches `console`). */
  function exportNames(name) {
    const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: rootDir,
      env: { ...process.env, NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    return JSON.parse(output).filter((key) => IDENTIFIER.test(key) && key !== 'default');
  }

  /** A module re-exporting a package's exports as named exports, the way a bundler presents CommonJS. */
  function facade(name) {
    const index = Object.keys(PACKAGES).indexOf(name);
    const names = exportNames(name);
    return [
      `import { p${index} as m } from './react-bundle.js';`,
      'export default m;',
      names.length ? `export const { ${names.join(', ')} } = m;` : '',
    ].join('\n');
  }

  return {
    name: 'airbyte-connect-frameworks',
    serverStart({ config }) {
      rootDir = config.rootDir ?? rootDir;
    },
    resolveImport({ source }) {
      if (source in PACKAGES) return PREFIX + PACKAGES[source];
      if (source === 'vue') {
        const file = createRequire(path.join(rootDir, 'package.json')).resolve('vue/dist/vue.esm-browser.js');
        return '/' + path.relative(rootDir, file).split(path.sep).join('/');
      }
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      if (file === 'react-bundle.js') return { body: await reactBundle(), type: 'js' };
      const name = Object.keys(PACKAGES).find((key) => PACKAGES[key] === file);
      return name ? { body: facade(name), type: 'js' } : undefined;
    },
  };
}
