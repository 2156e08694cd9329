/** The shapes the widget relies on in API answers. Every answer is parsed here before the UI sees it. */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1));
const optionalText = z.optional(z.nullable(z.string()));
const jsonObject = z.record(z.string(), z.unknown());

export const templateSummary = z.object({
  id,
  name: z.string(),
  icon: optionalText,
  tags: z.optional(z.nullable(z.array(z.string()))),
});

export const sourceTemplate = z.object({
  id,
  name: z.string(),
  icon: optionalText,
  user_config_spec: z.object({
    connectionSpecification: jsonObject,
    advanced_auth: z.optional(z.nullable(jsonObject)),
  }),
});

export const sourceSummary = z.object({
  id,
  name: z.string(),
  summarized_source_template: z.optional(z.nullable(z.object({ id, name: optionalText, icon: optionalText }))),
  source_template: z.optional(z.nullable(z.object({ id, name: optionalText, icon: optionalText }))),
  created_at: optionalText,
  updated_at: optionalText,
});

export const source = z.object({
  id,
  name: z.string(),
  source_template: sourceTemplate,
  source_config: jsonObject,
  created_at: optionalText,
  updated_at: optionalText,
});

export const checkResult = z.object({
  status: z.enum(['succeeded', 'failed']),
  message: optionalText,
});

export const tokenInfo = z.object({
  organization_id: optionalText,
  workspace_id: id,
});

/** Only http(s): the popup is navigated there, and a `javascript:` URL would run in this page's origin. */
export const consentUrl = z.object({ consent_url: z.url({ protocol: /^https?$/ }) });

export const oauthValues = z.object({
  values: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), value: z.unknown() })),
});

export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ data: z.array(item), next: optionalText });

export type TemplateSummary = z.infer<typeof templateSummary>;
export type SourceTemplate = z.infer<typeof sourceTemplate>;
export type SourceSummary = z.infer<typeof sourceSummary>;
export type Source = z.infer<typeof source>;
export type CheckResult = z.infer<typeof checkResult>;
export type TokenInfo = z.infer<typeof tokenInfo>;
export type OAuthValue = z.infer<typeof oauthValues>['values'][number];
