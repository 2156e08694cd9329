/**
 * The shapes the widget relies on in API answers. Every answer is parsed here before the UI sees it.
 * Written with the types validation needs anyway (z.custom and the types made of it in zod-types.ts): each further
 * zod type adds its class to the bundle.
 */
import * as z from 'zod/mini';
import { isObject, list, nullable, object, ofType, optional, string } from './zod-types.js';

/** One instance serves every text field. */
const text = string();

const id = text.check(z.refine((s) => s != ''));
/** `T`, null, or left out. */
const maybe = <T extends z.ZodMiniType>(s: T) => optional(nullable(s));
const optionalText = maybe(text);
/** Any JSON object (a plain copy, without an own `__proto__` key). */
const jsonObject = ofType<Record<string, unknown>>(isObject).check((p) => {
  p.value = { ...p.value };
  delete p.value['__proto__']; // an own key of that name (the copy's prototype is Object.prototype)
});
const templateRef = maybe(object({ id, name: optionalText, icon: optionalText }));

export const templateSummary = object({
  id,
  name: text,
  icon: optionalText,
  tags: maybe(list(text)),
});

export const sourceTemplate = object({
  id,
  name: text,
  icon: optionalText,
  user_config_spec: object({
    connectionSpecification: jsonObject,
    advanced_auth: maybe(jsonObject),
  }),
});

export const sourceSummary = object({
  id,
  name: text,
  summarized_source_template: templateRef,
  source_template: templateRef,
  created_at: optionalText,
  updated_at: optionalText,
});

export const source = object({
  id,
  name: text,
  source_template: sourceTemplate,
  source_config: jsonObject,
  created_at: optionalText,
  updated_at: optionalText,
});

export const checkResult = object({
  status: z.custom<'succeeded' | 'failed'>((v) => v == 'succeeded' || v == 'failed'),
  message: optionalText,
});

export const tokenInfo = object({
  organization_id: optionalText,
  workspace_id: id,
});

/**
 * Only http(s): the popup is navigated there, and a `javascript:` URL would run in this page's origin. Read as
 * zod's `url({ protocol: /^https?$/ })` reads it: trimmed, `scheme://` required, and without the tabs and
 * newlines that the URL parser drops anyway (so the URL used is the one checked).
 */
const httpUrl = text.check(
  z.refine((s) => {
    try {
      return /^https?:\/\//i.test(s.trim()) && !!new URL(s.trim());
    } catch {
      return false;
    }
  }),
  // the URL as it is used (a check that rewrites the value: a pipe and a transform would each add a class)
  (p) => void (p.value = p.value.trim().replace(/[\t\n\r]/g, '')),
);

export const consentUrl = object({ consent_url: httpUrl });

/** A step of a value path: a key or an index (as z.union([z.string(), z.number()]), without the union's class). */
const pathStep = z.custom<string | number>((v) => typeof v == 'string' || Number.isFinite(v));

export const oauthValues = object({
  values: list(object({ path: list(pathStep), value: z.custom() })),
});

export const page = <T extends z.ZodMiniType>(item: T) =>
  object({ data: list(item), next: optionalText });

export type TemplateSummary = z.infer<typeof templateSummary>;
export type SourceTemplate = z.infer<typeof sourceTemplate>;
export type SourceSummary = z.infer<typeof sourceSummary>;
export type Source = z.infer<typeof source>;
export type CheckResult = z.infer<typeof checkResult>;
export type TokenInfo = z.infer<typeof tokenInfo>;
export type OAuthValue = z.infer<typeof oauthValues>['values'][number];
