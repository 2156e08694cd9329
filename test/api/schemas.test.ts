import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as schema from '../../src/api/schemas.js';

const spec = { connectionSpecification: { type: 'object', properties: {} } };
const template = { id: 't', name: 'T', icon: '<svg/>', user_config_spec: spec };
const source = { id: 's', name: 'S', source_template: template, source_config: { host: 'h' } };

const parses = (s: { safeParse(v: unknown): { success: boolean } }, v: unknown) => s.safeParse(v).success;

describe('API answer schemas', () => {
  it('take left-out and null optional fields, and keep null as null', () => {
    assert.deepEqual(schema.templateSummary.parse({ id: 't', name: 'T' }), { id: 't', name: 'T' });
    assert.deepEqual(schema.templateSummary.parse({ id: 't', name: 'T', icon: null, tags: null }), { id: 't', name: 'T', icon: null, tags: null });
    assert.ok(parses(schema.sourceSummary, { id: 's', name: 'S', summarized_source_template: null, source_template: { id: 't', name: null } }));
    assert.ok(parses(schema.sourceTemplate, { ...template, user_config_spec: { ...spec, advanced_auth: null } }));
    assert.ok(parses(schema.tokenInfo, { workspace_id: 'w', organization_id: null }));
  });

  it('tolerate keys they do not declare, and leave them out of what they give', () => {
    const summary = schema.templateSummary.parse({ id: 't', name: 'T', tags: ['a'], extra: 1 });
    assert.deepEqual(summary, { id: 't', name: 'T', tags: ['a'] });
    assert.deepEqual(schema.page(schema.templateSummary).parse({ data: [{ id: 't', name: 'T', x: 1 }], next: null, total: 1 }), {
      data: [{ id: 't', name: 'T' }],
      next: null,
    });
  });

  it('copy a JSON object whole, except an own __proto__ key', () => {
    const config = JSON.parse('{"__proto__": {"polluted": true}, "host": "h", "nested": {"__proto__": 1}}');
    const parsed = schema.source.parse({ ...source, source_config: config }).source_config;
    assert.notEqual(parsed, config);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.deepEqual(Reflect.ownKeys(parsed), ['host', 'nested']);
    assert.equal(parsed.nested, config.nested);
  });

  it('refuse answers of the wrong shape', () => {
    const wrong: [{ safeParse(v: unknown): { success: boolean } }, unknown][] = [
      [schema.templateSummary, { id: '', name: 'T' }],
      [schema.templateSummary, { name: 'T' }],
      [schema.templateSummary, { id: 't', name: 1 }],
      [schema.templateSummary, { id: 't', name: 'T', tags: ['a', 1] }],
      [schema.templateSummary, { id: 't', name: 'T', tags: 'a' }],
      [schema.sourceTemplate, { ...template, user_config_spec: { connectionSpecification: [] } }],
      [schema.source, { ...source, source_config: null }],
      [schema.sourceSummary, { id: 's', name: 'S', source_template: { name: 'T' } }],
      [schema.checkResult, { status: 'pending' }],
      [schema.oauthValues, { values: [{ path: ['a', true], value: 1 }] }],
      [schema.oauthValues, { values: [{ path: ['a'] }] }],
      [schema.page(schema.templateSummary), { data: {} }],
      [schema.page(schema.templateSummary), { data: [{ id: 't', name: 'T' }, null] }],
    ];
    for (const [s, v] of wrong) assert.equal(parses(s, v), false, JSON.stringify(v));
  });

  it('read path steps as keys and indexes, and check results by status', () => {
    assert.deepEqual(schema.oauthValues.parse({ values: [{ path: ['a', 0], value: null }] }), { values: [{ path: ['a', 0], value: null }] });
    assert.deepEqual(schema.checkResult.parse({ status: 'failed', message: 'no' }), { status: 'failed', message: 'no' });
  });

  it('give a consent URL trimmed and without tabs or newlines, and only http(s) with //', () => {
    assert.equal(schema.consentUrl.parse({ consent_url: ' HTTPS://provider.test/a\tb\nc ' }).consent_url, 'HTTPS://provider.test/abc');
    for (const url of ['https:/provider.test', 'ftp://provider.test', 'javascript:alert(1)', '', 'https://'])
      assert.equal(parses(schema.consentUrl, { consent_url: url }), false, url);
  });
});
