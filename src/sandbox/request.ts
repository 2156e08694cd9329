// Reading requests: JSON bodies checked against a schema, and the URL clients reach the sandbox on.
import type { Context } from 'hono';
import type { AppEnv, Deps } from './context.js';
import { badRequest, invalid } from './errors.js';
import type { JsonObject } from './json.js';
import type { TagFilter } from './tags.js';
import { checkBody } from './validation.js';

/** The parsed JSON body, or undefined when there is none; malformed JSON is a 400. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // Only the position: V8's own message quotes the input, which may hold a secret.
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    throw badRequest(`Malformed JSON body${position === undefined ? '' : ` (at character ${position})`}`);
  }
}

/** The body, validated against `schema` (a 422 with one issue per problem otherwise). */
export async function readBody<T>(c: Context<AppEnv>, schema: JsonObject): Promise<T> {
  return checkBody<T>(schema, await readJson(c));
}

/** Where clients reach the sandbox: the configured public URL, else the origin this request came in on. */
export function publicBase(deps: Deps, c: Context<AppEnv>): string {
  return deps.options.publicUrl ?? new URL(c.req.url).origin;
}

/** `?tags=a&tags=b` (or `tags=a,b`) and `tags_mode=any|all`. */
export function readTagQuery(c: Context<AppEnv>): TagFilter {
  const tags = (c.req.queries('tags') ?? []).flatMap((value) => value.split(',')).map((tag) => tag.trim()).filter(Boolean);
  const mode = c.req.query('tags_mode') ?? 'any';
  if (mode !== 'any' && mode !== 'all') throw invalid(['query', 'tags_mode'], 'Must be one of: "any", "all"', 'value_error.enum');
  return { tags, mode };
}
