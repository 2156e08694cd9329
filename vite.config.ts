import { defineConfig } from 'vite';

// Two library builds, because an IIFE allows one entry only: `vite build` writes the ESM bundle,
// `vite build --mode iife` the single-script one (window.AirbyteConnect, window.AirbyteEmbeddedWidget).
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    build: {
      target: 'es2022',
      emptyOutDir: !iife,
      sourcemap: true,
      lib: {
        entry: iife ? 'src/iife.ts' : 'src/define.ts',
        name: 'AirbyteConnect',
        formats: [iife ? 'iife' : 'es'],
        fileName: () => (iife ? 'airbyte-connect.iife.js' : 'airbyte-connect.js'),
      },
    },
  };
});
