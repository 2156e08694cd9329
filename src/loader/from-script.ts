/**
 * For the single-file build, which cannot carry split chunks: imports a file that sits beside the script itself
 * (a catalog, the sign-in chunk), as the ES build's own lazy imports would. The address is taken while the script
 * runs, the only moment `document.currentScript` knows it.
 */
const base = typeof document == 'object' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

export function importBeside<T>(path: string): Promise<T> {
  return base ? import(/* @vite-ignore */ new URL(path, base).href) : Promise.reject(new Error('the script’s own address is unknown'));
}
