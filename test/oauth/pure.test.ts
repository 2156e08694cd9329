// The DOM-free parts of the OAuth flow: state, error mapping, what survives into sessionStorage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../src/api/api-error.js';
import { asOAuthError, failureFor, OAuthError } from '../../src/oauth/oauth-error.js';
import { createState } from '../../src/oauth/state.js';
import { withoutSecrets } from '../../src/oauth/without-secrets.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import { SECRET_MASK } from '../../src/spec/model.js';

describe('createState', () => {
  it('is 43 base64url characters (32 bytes), different every time', () => {
    const states = new Set(Array.from({ length: 200 }, createState));
    assert.equal(states.size, 200);
    for (const s of states) assert.match(s, /^[A-Za-z0-9_-]{43}$/);
  });
});

describe('OAuth errors', () => {
  it('maps OAuth error codes to reasons', () => {
    assert.equal(failureFor('invalid_state'), 'expired');
    assert.equal(failureFor('access_denied'), 'denied');
    assert.equal(failureFor('invalid_grant'), 'failed');
    assert.equal(failureFor(undefined), 'failed');
  });

  it('reads the API error body’s `error` and keeps the cause', () => {
    const expired = new ApiError('bad_request', 'complete_oauth', 'Start again.', 400, [], 'invalid_state');
    const e = asOAuthError(expired);
    assert.ok(e instanceof OAuthError);
    assert.equal(e.reason, 'expired');
    assert.equal(e.cause, expired);
    assert.equal(asOAuthError(new ApiError('bad_request', 'complete_oauth', 'No.', 400, [], 'access_denied')).reason, 'denied');
    assert.equal(asOAuthError(new ApiError('server_error', 'oauth_consent_url', undefined, 500)).reason, 'failed');
    assert.equal(asOAuthError(new TypeError('x')).reason, 'failed');
    const own = new OAuthError('closed');
    assert.equal(asOAuthError(own), own);
    assert.equal(own.name, 'OAuthError');
  });
});

describe('withoutSecrets', () => {
  const spec = {
    type: 'object',
    properties: {
      host: { type: 'string' },
      port: { type: 'integer' },
      password: { type: 'string', airbyte_secret: true },
      shop: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
      raw: { type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ properties: { k: { airbyte_secret: true } } }] },
      plain_raw: { type: 'object', anyOf: [{ properties: { k: { type: 'string' } } }] },
      credentials: {
        type: 'object',
        oneOf: [
          {
            properties: {
              auth_type: { const: 'oauth' },
              client_id: { type: 'string' },
              refresh_token: { type: 'string', airbyte_secret: true },
              region: { type: 'string' },
            },
          },
          { properties: { auth_type: { const: 'key' }, api_key: { type: 'string', airbyte_secret: true }, user: { type: 'string' } } },
        ],
      },
      streams: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string' }, key: { type: 'string', airbyte_secret: true } } },
      },
    },
  };
  const aa = {
    predicate_key: ['credentials', 'auth_type'],
    predicate_value: 'oauth',
    oauth_config_specification: {
      complete_oauth_output_specification: { properties: { t: { path_in_connector_config: ['credentials', 'refresh_token'] } } },
      complete_oauth_server_output_specification: {
        properties: { i: { path_in_connector_config: ['credentials', 'client_id'] }, s: { path_in_connector_config: ['shop'] } },
      },
    },
  };
  const model = buildFormModel(spec, aa);

  it('keeps only described, non-secret, non-output values', () => {
    const value = {
      host: 'db',
      port: 5432,
      password: 'hunter2',
      shop: 'acme',
      tags: ['a'],
      raw: { k: 'secret-in-json' },
      plain_raw: { k: 'fine' },
      unknown_token: 'eyJ...',
      credentials: { auth_type: 'oauth', client_id: 'client-xyz', refresh_token: 'refresh-xyz', region: 'eu', api_key: 'left-over' },
      streams: [{ name: 's1', key: 'k1' }, { name: 's2' }],
    };
    const kept = withoutSecrets(model, value);
    assert.deepEqual(kept, {
      host: 'db',
      port: 5432,
      tags: ['a'],
      plain_raw: { k: 'fine' },
      credentials: { auth_type: 'oauth', region: 'eu' },
      streams: [{ name: 's1' }, { name: 's2' }],
    });
    assert.doesNotMatch(JSON.stringify(kept), /hunter2|secret-in-json|eyJ|refresh-xyz|k1|left-over|client-xyz/);
  });

  it('keeps the stored-secret mask (it is no secret), so an edit keeps its stored secrets', () => {
    const kept = withoutSecrets(model, { password: SECRET_MASK, credentials: { auth_type: 'key', api_key: SECRET_MASK, user: 'me' } });
    assert.deepEqual(kept, { password: SECRET_MASK, credentials: { auth_type: 'key', api_key: SECRET_MASK, user: 'me' } });
  });

  it('drops a oneOf with no branch chosen, and copies rather than shares', () => {
    const value = { credentials: { auth_type: 'other', region: 'x' }, tags: ['a'] };
    const kept = withoutSecrets(model, value);
    assert.deepEqual(kept, { tags: ['a'] });
    assert.notEqual(kept.tags, value.tags);
    assert.deepEqual(withoutSecrets(model, undefined), {});
  });

  it('handles a spec whose root is a oneOf', () => {
    const m = buildFormModel({
      type: 'object',
      oneOf: [{ properties: { mode: { const: 'a' }, secret: { type: 'string', airbyte_secret: true }, name: { type: 'string' } } }],
    });
    assert.deepEqual(withoutSecrets(m, { mode: 'a', secret: 's', name: 'n' }), { mode: 'a', name: 'n' });
  });
});
