import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormState } from '../../src/components/form-state.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import type { OneOfNode } from '../../src/spec/model.js';
import { enFields } from '../../src/i18n/en-fields.js';
import { addEnglish } from '../../src/i18n/translate.js';

const spec = {
  type: 'object',
  required: ['tunnel'],
  properties: {
    tunnel: {
      type: 'object',
      title: 'SSH tunnel',
      oneOf: [
        { title: 'None', required: ['method'], properties: { method: { const: 'NONE' } } },
        {
          title: 'Key',
          required: ['method', 'host'],
          properties: { method: { const: 'KEY' }, host: { type: 'string' }, port: { type: 'integer', default: 22 }, key: { type: 'string' } },
        },
        {
          title: 'Password',
          required: ['method', 'host'],
          properties: { method: { const: 'PASSWORD' }, host: { type: 'string' }, port: { type: 'integer', default: 22 }, password: { type: 'string' } },
        },
      ],
    },
  },
};

describe('FormState.chooseBranch', () => {
  const model = buildFormModel(spec);
  const tunnel = model.root.fields.find((f) => f.key === 'tunnel') as OneOfNode;

  it('restores what a branch held when the user comes back to it', () => {
    const state = new FormState(model);
    state.chooseBranch(['tunnel'], tunnel, 1);
    state.set(['tunnel', 'host'], 'bastion.acme.test');
    state.set(['tunnel', 'key'], '-----BEGIN KEY-----');
    state.chooseBranch(['tunnel'], tunnel, 0);
    assert.deepEqual(state.get(['tunnel']), { method: 'NONE' });
    state.chooseBranch(['tunnel'], tunnel, 1);
    assert.deepEqual(state.get(['tunnel']), { method: 'KEY', host: 'bastion.acme.test', port: 22, key: '-----BEGIN KEY-----' });
  });

  it('carries shared fields across, and their latest value wins over a remembered one', () => {
    const state = new FormState(model);
    state.chooseBranch(['tunnel'], tunnel, 1);
    state.set(['tunnel', 'host'], 'old.acme.test');
    state.set(['tunnel', 'key'], 'k');
    state.chooseBranch(['tunnel'], tunnel, 2);
    assert.equal(state.get(['tunnel', 'host']), 'old.acme.test');
    state.set(['tunnel', 'host'], 'new.acme.test');
    state.set(['tunnel', 'password'], 'p');
    state.chooseBranch(['tunnel'], tunnel, 1);
    assert.deepEqual(state.get(['tunnel']), { method: 'KEY', host: 'new.acme.test', port: 22, key: 'k' });
    state.chooseBranch(['tunnel'], tunnel, 2);
    assert.equal(state.get(['tunnel', 'password']), 'p');
  });

  it('never sends a branch it left behind', () => {
    const state = new FormState(model);
    state.chooseBranch(['tunnel'], tunnel, 1);
    state.set(['tunnel', 'host'], 'h');
    state.set(['tunnel', 'key'], 'k');
    state.chooseBranch(['tunnel'], tunnel, 0);
    assert.deepEqual(state.submitValue(), { tunnel: { method: 'NONE' } });
  });
});

describe('FormState: JSON text that does not parse', () => {
  addEnglish(enFields); // the JSON fallback's words arrive with its chunk
  const model = buildFormModel({
    type: 'object',
    properties: {
      mode: {
        type: 'object',
        oneOf: [
          { title: 'Plain', properties: { kind: { const: 'plain' } } },
          { title: 'Custom', properties: { kind: { const: 'custom' }, rules: { anyOf: [{ type: 'object' }, { type: 'array' }] } } },
        ],
      },
      rows: { type: 'array', items: { type: 'object', properties: { extra: { anyOf: [{ type: 'object' }, { type: 'array' }] } } } },
    },
  });
  const mode = model.root.fields.find((f) => f.key === 'mode') as OneOfNode;
  const unparsed = (state: FormState, path: (string | number)[]) => {
    state.unparsedJson.add(JSON.stringify(path));
    state.set(path, undefined);
  };

  it('says so while the field is there, and forgets it once its branch is left', () => {
    const state = new FormState(model);
    state.chooseBranch(['mode'], mode, 1);
    unparsed(state, ['mode', 'rules']);
    assert.equal(state.validate().get('["mode","rules"]'), 'This isn’t valid JSON. Check for missing quotes, commas or brackets.');
    state.chooseBranch(['mode'], mode, 0);
    assert.equal(state.validate().size, 0, 'nothing left to fix once the branch holding it is gone');
  });

  it('forgets it once its row is removed, and never moves it onto the row that takes its place', () => {
    const state = new FormState(model);
    state.set(['rows'], [{}, { extra: { a: 1 } }]);
    unparsed(state, ['rows', 0, 'extra']);
    assert.ok(state.validate().has('["rows",0,"extra"]'));
    // Row 0 removed: the row now at index 0 holds a value that reads.
    state.set(['rows'], [{ extra: { a: 1 } }]);
    assert.equal(state.validate().size, 0);
    state.unparsedJson.add('["rows",3,"extra"]');
    assert.equal(state.validate().size, 0, 'a row that does not exist says nothing');
  });
});
