import { defineConfig, type Plugin } from 'vite';

/** Per build mode: the entry, the output file, and the declaration stub that points into dist/types. */
const builds = {
  // The ESM bundle: registers <airbyte-connect> on import and exports the public API.
  production: { entry: 'src/define.ts', format: 'es', file: 'airbyte-connect.js', types: 'define' },
  // One <script> tag: window.AirbyteConnect and window.AirbyteEmbeddedWidget. An IIFE allows one entry only.
  iife: { entry: 'src/iife.ts', format: 'iife', file: 'airbyte-connect.iife.js', types: undefined },
  // `airbyte-connect/server`: createTokenClient for host backends (fetch only: Node ≥ 20 and edge runtimes).
  server: { entry: 'src/server/index.ts', format: 'es', file: 'server.js', types: 'server/index' },
} as const;

/** Writes `<file>.d.ts` re-exporting the declarations `tsc` emits into dist/types. */
function declarationStub(file: string, types: string | undefined): Plugin {
  return {
    name: 'airbyte-connect-declaration-stub',
    generateBundle() {
      if (!types) return;
      const source = `export * from './types/${types}.js';\n`;
      this.emitFile({ type: 'asset', fileName: file.replace(/\.js$/, '.d.ts'), source });
    },
  };
}

export default defineConfig(({ mode }) => {
  const build = builds[mode as keyof typeof builds] ?? builds.production;
  return {
    plugins: [declarationStub(build.file, build.types)],
    build: {
      target: 'es2022',
      emptyOutDir: build === builds.production,
      sourcemap: true,
      lib: {
        entry: build.entry,
        name: 'AirbyteConnect',
        formats: [build.format],
        fileName: () => build.file,
      },
    },
  };
});
