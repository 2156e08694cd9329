// OAuth sign-in for templates with advanced_auth (sandbox extension; the contract is in the sandbox README):
// POST /embedded/sources/oauth/consent-url starts a sign-in, POST /embedded/sources/oauth/complete finishes it.
import { Hono, type Context } from 'hono';
import { requireEndUser } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { conflict, invalid, unprocessable, type Issue } from '../errors.js';
import type { JsonObject } from '../json.js';
import { findUsableTemplate } from '../lookup.js';
import { readOAuthSetup, type OAuthSetup } from '../oauth/advanced-auth.js';
import type { OAuthError, OAuthGrants } from '../oauth/grants.js';
import { fakeOAuthValues } from '../oauth/output-values.js';
import { checkRedirectUrl, normaliseUrl } from '../oauth/redirect-url.js';
import { schemaAtPath } from '../oauth/schema-at-path.js';
import { publicBase, readBody } from '../request.js';
import type { Template } from '../template.js';
import { compileSpec, toIssues } from '../validation.js';

interface ConsentUrlBody {
  source_template_id: string;
  redirect_url: string;
  state: string;
  oauth_input_configuration?: JsonObject;
}

interface CompleteBody {
  source_template_id: string;
  redirect_url: string;
  query: { state: string; code?: string; error?: string };
}

const consentUrlSchema: JsonObject = {
  type: 'object',
  required: ['source_template_id', 'redirect_url', 'state'],
  properties: {
    source_template_id: { type: 'string' },
    redirect_url: { type: 'string', minLength: 1, maxLength: 2048 },
    // The widget's own CSRF token for this sign-in; long and random enough that nobody else can guess it.
    state: { type: 'string', minLength: 32, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' },
    oauth_input_configuration: { type: 'object' },
  },
};

const completeSchema: JsonObject = {
  type: 'object',
  required: ['source_template_id', 'redirect_url', 'query'],
  properties: {
    source_template_id: { type: 'string' },
    redirect_url: { type: 'string' },
    // Other query parameters a provider adds (scope, …) are allowed and ignored.
    query: {
      type: 'object',
      required: ['state'],
      properties: { state: { type: 'string' }, code: { type: 'string' }, error: { type: 'string' } },
    },
  },
};

const FAILURES: Record<OAuthError, string> = {
  invalid_state: 'This sign-in has expired or was already used. Start again.',
  access_denied: 'The sign-in was cancelled or refused at the provider. Start again to retry.',
  invalid_grant: 'The provider did not confirm this sign-in. Start again.',
};

export function oauthRoutes(deps: Deps, grants: OAuthGrants): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/embedded/sources/oauth/consent-url', async (c) => {
    const auth = requireEndUser(c);
    const body = await readBody<ConsentUrlBody>(c, consentUrlSchema);
    const template = await findUsableTemplate(deps, auth, body.source_template_id);
    const setup = readOAuthSetup(template);
    if (!setup) {
      throw invalid(['body', 'source_template_id'], 'This template has no OAuth sign-in: its spec carries no advanced_auth', 'value_error.no_oauth');
    }
    const requestingOrigin = c.req.header('origin');
    const redirectUrl = checkRedirectUrl(body.redirect_url, [...sandboxOrigins(deps, c), ...(requestingOrigin ? [requestingOrigin] : [])]);
    const inputs = body.oauth_input_configuration ?? {};
    checkInputs(template, setup, inputs);
    const grant = grants.register({
      state: body.state,
      templateId: template.id,
      organizationId: auth.organizationId,
      workspaceId: auth.workspace.id,
      redirectUrl,
      ...(requestingOrigin && { requestingOrigin }),
      inputs,
    });
    if (!grant) throw conflict('This state was already used for a sign-in: generate a new one for every sign-in');
    const consentUrl = new URL('api/v1/sandbox/oauth/consent', `${publicBase(deps, c)}/`);
    consentUrl.searchParams.set('request', grant.requestId);
    return c.json({ consent_url: consentUrl.toString() });
  });

  app.post('/embedded/sources/oauth/complete', async (c) => {
    const auth = requireEndUser(c);
    const body = await readBody<CompleteBody>(c, completeSchema);
    // Redeemed before anything is awaited, so two racing completes cannot both spend the same state.
    const redemption = grants.redeem({
      state: body.query.state,
      organizationId: auth.organizationId,
      workspaceId: auth.workspace.id,
      templateId: body.source_template_id.toLowerCase(),
      redirectUrl: normaliseUrl(body.redirect_url),
      code: body.query.code,
      error: body.query.error,
    });
    if (!redemption.ok) return c.json({ detail: FAILURES[redemption.error], error: redemption.error }, 400);
    const template = await findUsableTemplate(deps, auth, redemption.grant.templateId);
    const setup = readOAuthSetup(template);
    if (!setup) return c.json({ detail: FAILURES.invalid_state, error: 'invalid_state' }, 400);
    return c.json({ values: fakeOAuthValues(template, setup) });
  });

  return app;
}

/** The origins the sandbox answers on: the configured public URL's and the one this request came in on. */
function sandboxOrigins(deps: Deps, c: Context<AppEnv>): string[] {
  return [...new Set([new URL(publicBase(deps, c)).origin, new URL(c.req.url).origin])];
}

/**
 * The inputs must be the advanced_auth user-input fields, each valid where the connector spec puts it, so that a
 * widget bug shows here rather than as a provider that "forgot" the subdomain.
 */
function checkInputs(template: Template, setup: OAuthSetup, inputs: JsonObject): void {
  const loc = ['body', 'oauth_input_configuration'];
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(inputs)) {
    const field = setup.userInputs.find((candidate) => candidate.name === name);
    if (!field) {
      issues.push({ loc: [...loc, name], msg: 'Unknown field: not an OAuth input of this template', type: 'value_error.extra' });
      continue;
    }
    const schema = schemaAtPath(template.connectorSpecification, field.path, setup.predicate) ?? field.schema;
    let validate;
    try {
      validate = compileSpec(schema);
    } catch {
      continue; // a schema ajv cannot compile cannot judge the value
    }
    if (!validate(value)) issues.push(...toIssues(validate.errors ?? [], [...loc, name]));
  }
  if (issues.length) throw unprocessable(issues);
}
