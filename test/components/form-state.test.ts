import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormState } from '../../src/components/form-state.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import type { OneOfNode } from '../../src/spec/model.js';

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
