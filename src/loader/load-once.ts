/**
 * `load`, run at most once at a time and kept once it succeeds; a failure is forgotten, so the next ask tries
 * again. How the sign-in chunk, the rare field kinds and the error reader are fetched.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
