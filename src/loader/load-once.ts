/**
 * `load`, run at most once at a time and kept once it succeeds; a failure is forgotten, so the next ask tries
 * again. The way every on-demand file is fetched (the widget, the sign-in chunk, a catalog, the error reader).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
