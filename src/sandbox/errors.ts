// Error answers in the FastAPI style the Embedded API uses: {detail: string} or, for 422, {detail: Issue[]}.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One validation problem, as FastAPI reports it. */
export interface Issue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string | Issue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : detail.map((issue) => issue.msg).join('; '));
  }
}

export const badRequest = (detail: string) => new ApiError(400, detail);
export const unauthorized = (detail: string) => new ApiError(401, detail, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (detail: string) => new ApiError(403, detail);
export const notFound = (detail: string) => new ApiError(404, detail);
export const conflict = (detail: string) => new ApiError(409, detail);
export const unprocessable = (issues: Issue[]) => new ApiError(422, issues);

/** A 422 for one field, e.g. invalid(['body', 'allowed_origin'], 'Must be an origin', 'value_error.origin'). */
export function invalid(loc: Issue['loc'], msg: string, type: string): ApiError {
  return unprocessable([{ loc, msg, type }]);
}

export function errorResponse(c: Context, error: unknown): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json({ detail: error.detail }, error.status);
  }
  console.error('[sandbox] unexpected error while handling', c.req.method, c.req.path, error);
  return c.json({ detail: 'Internal server error' }, 500);
}
