// zod/mini types made of a custom schema and checks, in place of zod's own: each zod type used adds its class to the
// bundle (z.object and z.optional alone cost 1.3 KB gzipped), and these are what the form validation and the API
// answers need of z.object, z.optional, z.string, z.number, z.literal, z.array and z.nullable, with the same issues,
// flags and parsed values (test/api/zod-types.test.ts holds each beside zod's own). zod still runs every check,
// collects the issues and makes their messages. In the API layer, the first that needs them: the form validation (a
// later layer) imports them from here.
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

/** `schema`'s value, or `none` as it is. */
const or = <T extends z.ZodMiniType, N>(none: N, schema: T) =>
  z.custom<z.output<T> | N>().check((p) => {
    if (p.value === none) return;
    const part = parsePart(schema, p.value);
    p.issues.push(...part.issues);
    p.value = part.value as z.output<T>;
  });

/** `schema`'s value or null, as z.nullable(schema). */
export const nullable = <T extends z.ZodMiniType>(schema: T) => or(null, schema);

declare const OPTIONAL: unique symbol;
/** The schema of a key that may be left out. */
export type Optional<T> = z.ZodMiniType<T | undefined> & { readonly [OPTIONAL]: true };
const optionals = new WeakSet<z.ZodMiniType>();

/** `schema`'s value or undefined, and a key that `object` lets be left out, as z.optional(schema). */
export const optional = <T extends z.ZodMiniType>(schema: T) => {
  const s = or(undefined, schema);
  optionals.add(s);
  return s as unknown as Optional<z.output<T>>;
};

/** Whether `v` is an object and no array, as zod reads an object. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && !!v && !Array.isArray(v);

type Shape = Record<string, z.ZodMiniType>;
type Flat<T> = { [K in keyof T]: T[K] };
/** What `object(shape)` gives: the optional keys with `?`. */
export type ObjectOutput<S extends Shape> = Flat<
  { [K in keyof S as S[K] extends Optional<unknown> ? never : K]: z.output<S[K]> } & {
    [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: z.output<S[K]>;
  }
>;

/**
 * An object read as z.object reads it: an issue with `error` for anything but an object (arrays and null too);
 * else a new object of the shape's keys, each parsed by its schema with its issues moved under the key, the keys the
 * shape does not name left out. A key that is left out (`in` says so, as for zod) is skipped when its schema is
 * `optional`; else its schema reads undefined, and one that takes undefined still gets zod's "nonoptional" issue.
 */
export const object = <S extends Shape>(shape: S, error?: Message) =>
  ofType<ObjectOutput<S>>(isObject, error).check((p) => {
    const input = p.value as Record<string, unknown>;
    const value: Record<string, unknown> = {};
    for (const key in shape) {
      const present = key in input;
      if (key == '__proto__' || (!present && optionals.has(shape[key]!))) continue;
      const part = parsePart(shape[key]!, input[key]);
      for (const issue of part.issues) p.issues.push({ ...issue, path: [key, ...(issue.path ?? [])] });
      if (present) value[key] = part.value;
      else if (!part.issues.length) p.issues.push({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] });
    }
    p.value = value as ObjectOutput<S>;
  });
