import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFormModel } from '../../src/spec/build-model.js';
import { fieldAt } from '../../src/spec/field-at.js';

const model = buildFormModel({
  type: 'object',
  properties: {
    host: { type: 'string', title: 'Host' },
    tunnel: {
      type: 'object',
      oneOf: [
        { title: 'None', properties: { method: { const: 'NONE' } } },
        { title: 'SSH', properties: { method: { const: 'SSH' }, user: { type: 'string', title: 'User' } } },
      ],
    },
    streams: { type: 'array', items: { type: 'object', properties: { name: { type: 'string', title: 'Name' } } } },
  },
});

describe('fieldAt', () => {
  it('finds a field through objects, the chosen branch and the rows a list has', () => {
    const value = { tunnel: { method: 'SSH' }, streams: [{ name: 'a' }] };
    assert.equal(fieldAt(model, value, ['host'])?.title, 'Host');
    assert.equal(fieldAt(model, value, ['tunnel', 'user'])?.title, 'User');
    assert.equal(fieldAt(model, value, ['streams', 0, 'name'])?.title, 'Name');
  });

  it('finds nothing in a branch not chosen, a row that is not there, or under a key the spec does not declare', () => {
    assert.equal(fieldAt(model, { tunnel: { method: 'NONE' } }, ['tunnel', 'user']), undefined);
    assert.equal(fieldAt(model, { tunnel: {} }, ['tunnel', 'user']), undefined);
    assert.equal(fieldAt(model, { streams: [{}] }, ['streams', 1, 'name']), undefined);
    assert.equal(fieldAt(model, {}, ['nope']), undefined);
  });

  it('reads a root-level oneOf, which takes no step of its own', () => {
    const root = buildFormModel({
      type: 'object',
      oneOf: [
        { title: 'A', properties: { kind: { const: 'a' }, token: { type: 'string', title: 'Token' } } },
        { title: 'B', properties: { kind: { const: 'b' } } },
      ],
    });
    assert.equal(fieldAt(root, { kind: 'a' }, ['token'])?.title, 'Token');
    assert.equal(fieldAt(root, { kind: 'b' }, ['token']), undefined);
  });
});
