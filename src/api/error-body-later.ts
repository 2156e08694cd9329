import { loadOnce } from '../loader/load-once.js';
import type { readErrorBody } from './error-body.js';

type ErrorBody = ReturnType<typeof readErrorBody>;

/**
 * `readErrorBody`, fetched with the first error answer through `load`: most sessions never see one, so it stays
 * out of the main bundle. Should it fail to arrive, the server's own `detail` text still reaches the user, and the
 * next error answer tries again.
 */
export function errorBodyLater(load: () => Promise<{ readErrorBody: typeof readErrorBody }>): (body: unknown) => Promise<ErrorBody> {
  const reader = loadOnce(() => load().then((module) => module.readErrorBody));
  return async (body) => {
    try {
      return (await reader())(body);
    } catch {
      const detail = (body as { detail?: unknown } | null)?.detail;
      return { detail: typeof detail == 'string' ? detail.trim().slice(0, 500) || undefined : undefined, fieldIssues: [] };
    }
  };
}
