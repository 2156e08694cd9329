// zod/mini types made of a custom schema and checks, in place of zod's own: each zod type used adds its class to the
// bundle, and these are what the form validation and the API answers need of z.string, z.number, z.literal, z.array
// and z.nullable, with the same issues, flags and parsed values. In the API layer, the first that needs them: the
// form validation (a later layer) imports them from here.
import * as z from 'zod/mini';

type Message = { error?: (issue: { input?: unknown }) => string };

/**
 * A value that passes `ok`, else an issue with `error`'s message. Like the issue of a zod type (z.number, z.literal,
 * z.array), it has no `continue`: the checks after it are skipped, a list's size checks (which have `when`) still run.
 */
export const ofType = <T>(ok: (v: unknown) => boolean, error?: Message) =>
  z.custom<T>(undefined, error).check((p) => void (ok(p.value) || p.issues.push({ code: 'custom', input: p.value })));

/** A string, as z.string(). */
export const string = (error?: Message) => ofType<string>((v) => typeof v == 'string', error);

/**
 * `v` parsed by `schema` as zod's own containers parse their parts: the issues come with their flags (`continue`),
 * which z.safeParse leaves out; their messages are made when the whole parse's issues are read.
 */
export const parsePart = (schema: z.ZodMiniType, v: unknown) =>
  schema._zod.run({ value: v, issues: [] }, { async: false }) as z.core.ParsePayload;

/**
 * A list of `item`s, read as z.array reads it: an issue with `error` for anything but an array; else each item
 * (holes too) parsed by `item`, its issues moved under the item's index as they are (so the checks after it run or
 * not as after z.array's items: a size check after an item's `continue: false`, a uniqueness check after any item
 * that failed its type), and the value becomes the items as parsed.
 */
export const list = <T extends z.ZodMiniType>(item: T, error?: Message) =>
  ofType<z.output<T>[]>(Array.isArray, error).check((p) => {
    p.value = Array.from(p.value, (v, i) => {
      const part = parsePart(item, v);
      for (const issue of part.issues) p.issues.push({ ...issue, path: [i, ...(issue.path ?? [])] });
      return part.value as z.output<T>;
    });
  });

/** `schema`'s value or null, as z.nullable(schema). */
export const nullable = <T extends z.ZodMiniType>(schema: T) =>
  z.custom<z.output<T> | null>().check((p) => {
    if (p.value === null) return;
    const part = parsePart(schema, p.value);
    p.issues.push(...part.issues);
    p.value = part.value as z.output<T>;
  });
