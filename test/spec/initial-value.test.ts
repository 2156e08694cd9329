import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectedBranchIndex, switchBranch } from '../../src/spec/branch.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import { createValue, initialValue } from '../../src/spec/initial-value.js';
import { SECRET_MASK, type ObjectListField, type OneOfNode } from '../../src/spec/model.js';

type S = Record<string, unknown>;
const model = (properties: S, required: string[] = []) => buildFormModel({ type: 'object', properties, required });

const tunnel = {
  type: 'object',
  default: 'SSH_PASSWORD_AUTH',
  oneOf: [
    { title: 'No Tunnel', properties: { tunnel_method: { const: 'NO_TUNNEL' } } },
    {
      title: 'Key',
      required: ['tunnel_host', 'tunnel_port', 'ssh_key'],
      properties: {
        tunnel_method: { const: 'SSH_KEY_AUTH' },
        tunnel_host: { type: 'string' },
        tunnel_port: { type: 'integer', default: 22 },
        ssh_key: { type: 'string', airbyte_secret: true },
      },
    },
    {
      title: 'Password',
      required: ['tunnel_host', 'tunnel_port', 'tunnel_user_password'],
      properties: {
        tunnel_method: { const: 'SSH_PASSWORD_AUTH' },
        tunnel_host: { type: 'string' },
        tunnel_port: { type: 'integer', default: 22 },
        tunnel_user_password: { type: 'string', airbyte_secret: true },
        extra: { type: 'object', properties: { deep: { type: 'string', default: 'd' } } },
      },
    },
  ],
};
const tunnelModel = () => model({ tunnel_method: tunnel }, ['tunnel_method']);
const tunnelNode = () => tunnelModel().root.fields[0] as OneOfNode;

describe('selectedBranchIndex', () => {
  const cases: [unknown, number][] = [
    [{ tunnel_method: 'NO_TUNNEL' }, 0],
    [{ tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_host: 'h' }, 2],
    [{ tunnel_method: 'OTHER' }, -1],
    [{}, -1],
    [undefined, -1],
    [null, -1],
    ['SSH_KEY_AUTH', -1],
  ];
  for (const [value, want] of cases)
    it(`${JSON.stringify(value)} → ${want}`, () => assert.equal(selectedBranchIndex(tunnelNode(), value), want));

  it('matches non-string discriminators strictly', () => {
    const node = model({
      x: { oneOf: [{ properties: { on: { const: false } } }, { properties: { on: { const: true } } }] },
    }).root.fields[0] as OneOfNode;
    assert.equal(selectedBranchIndex(node, { on: true }), 1);
    assert.equal(selectedBranchIndex(node, { on: 'true' }), -1);
  });
});

describe('switchBranch', () => {
  it('keeps shared values, sets the discriminator, fills the new branch’s defaults, drops the rest', () => {
    const node = tunnelNode();
    const current = { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'jump', tunnel_port: 2222, ssh_key: 'KEY' };
    assert.deepEqual(switchBranch(node, current, 2), {
      tunnel_method: 'SSH_PASSWORD_AUTH',
      tunnel_host: 'jump',
      tunnel_port: 2222,
      extra: { deep: 'd' },
    });
    assert.deepEqual(current.ssh_key, 'KEY', 'does not mutate the current value');
  });

  it('from nothing: the branch’s defaults', () => {
    assert.deepEqual(switchBranch(tunnelNode(), undefined, 1), { tunnel_method: 'SSH_KEY_AUTH', tunnel_port: 22 });
    assert.deepEqual(switchBranch(tunnelNode(), 'junk', 0), { tunnel_method: 'NO_TUNNEL' });
  });

  it('does not keep a value of the wrong shape for its new field', () => {
    const node = model({
      filter: {
        oneOf: [
          { properties: { k: { const: 'text' }, value: { type: 'string' } } },
          {
            properties: {
              k: { const: 'num' },
              value: { oneOf: [{ properties: { t: { const: 'int' } } }, { properties: { t: { const: 'dbl' } } }] },
            },
          },
        ],
      },
    }).root.fields[0] as OneOfNode;
    assert.deepEqual(switchBranch(node, { k: 'text', value: 'abc' }, 1), { k: 'num', value: { t: 'int' } });
  });
});

describe('initialValue: create', () => {
  it('writes consts, defaults (deep copies), nested objects, required object lists, oneOf default branch', () => {
    const listDefault = ['public'];
    const m = model(
      {
        host: { type: 'string' },
        port: { type: 'integer', default: 5432 },
        schemas: { type: 'array', items: { type: 'string' }, default: listDefault },
        hidden_knob: { type: 'integer', default: 1, airbyte_hidden: true },
        fixed: { const: 'v1' },
        nested: { type: 'object', properties: { a: { type: 'boolean', default: false }, b: { type: 'string' } } },
        rows: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } } } },
        optional_rows: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } } } },
        tunnel_method: tunnel,
      },
      ['host', 'rows'],
    );
    const v = initialValue(m);
    assert.deepEqual(v, {
      port: 5432,
      schemas: ['public'],
      hidden_knob: 1,
      fixed: 'v1',
      nested: { a: false },
      rows: [],
      tunnel_method: { tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_port: 22, extra: { deep: 'd' } },
    });
    assert.notEqual(v.schemas, listDefault, 'defaults are copied');
  });

  it('a oneOf whose default names no branch starts on the first branch', () => {
    const m = model({ ssl: { type: 'object', default: 'required', oneOf: tunnel.oneOf } });
    assert.deepEqual(initialValue(m), { ssl: { tunnel_method: 'NO_TUNNEL' } });
  });

  it('an object default naming a branch picks it and seeds it; an empty object default picks the first', () => {
    const oneOf = [
      { properties: { t: { const: 'From CSV' } } },
      { properties: { t: { const: 'User Provided' }, names: { type: 'array', items: { type: 'string' } } } },
    ];
    assert.deepEqual(initialValue(model({ h: { default: { t: 'User Provided', names: ['a'] }, oneOf } })), {
      h: { t: 'User Provided', names: ['a'] },
    });
    assert.deepEqual(initialValue(model({ h: { default: {}, oneOf } })), { h: { t: 'From CSV' } });
  });

  it('a root oneOf: the root value is the branch value', () => {
    const m = buildFormModel({
      type: 'object',
      oneOf: [
        { properties: { type: { const: 'a' }, port: { type: 'integer', default: 1 } } },
        { properties: { type: { const: 'b' } } },
      ],
    });
    assert.deepEqual(initialValue(m), { type: 'a', port: 1 });
  });

  it('createValue gives a new object-list row its defaults', () => {
    const m = model({
      rows: { type: 'array', items: { type: 'object', properties: { n: { type: 'string', default: 'x' }, k: { const: 1 } } } },
    });
    assert.deepEqual(createValue((m.root.fields[0] as ObjectListField).item), { k: 1, n: 'x' });
  });
});

describe('initialValue: edit', () => {
  it('starts from a deep copy of the stored config and never replaces a stored value with a default', () => {
    const m = tunnelModel();
    const stored = {
      tunnel_method: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'h', tunnel_port: 2200, ssh_key: SECRET_MASK },
      unknown_key: { kept: true },
    };
    const v = initialValue(m, stored);
    assert.deepEqual(v, stored);
    assert.notEqual(v.tunnel_method, stored.tunnel_method);
  });

  it('does not fill defaults for missing scalars, but fills consts and required containers', () => {
    const m = model(
      {
        port: { type: 'integer', default: 5432 },
        fixed: { const: 'v1' },
        req_obj: { type: 'object', properties: { c: { const: 'c' }, d: { type: 'string', default: 'x' } } },
        opt_obj: { type: 'object', properties: { c: { const: 'c' } } },
        rows: { type: 'array', items: { type: 'object', properties: { c: { const: 'row' }, n: { type: 'string' } } } },
      },
      ['req_obj', 'rows'],
    );
    assert.deepEqual(initialValue(m, {}), { fixed: 'v1', req_obj: { c: 'c' }, rows: [] });
    assert.deepEqual(initialValue(m, { rows: [{ n: 'a' }, 'junk'], fixed: 'stored' }), {
      fixed: 'stored',
      req_obj: { c: 'c' },
      rows: [{ n: 'a', c: 'row' }, 'junk'],
    });
  });

  it('a stored oneOf matched by its other consts: fills that branch’s discriminator and consts only', () => {
    const m = model({
      x: {
        oneOf: [
          { properties: { k: { const: 'a' }, extra: { const: 'ea' } } },
          { properties: { k: { const: 'b' }, extra: { const: 'eb' }, n: { type: 'integer', default: 3 } } },
        ],
      },
    });
    assert.deepEqual(initialValue(m, { x: { k: 'b' } }), { x: { k: 'b', extra: 'eb' } });
  });

  it('a stored oneOf that names a branch: only that branch’s missing consts are filled, no defaults', () => {
    const m = model({
      x: {
        oneOf: [
          { properties: { k: { const: 'a' }, v: { const: 'va' } } },
          { properties: { k: { const: 'b' }, v: { const: 'vb' }, n: { type: 'integer', default: 3 } } },
        ],
      },
    });
    assert.equal((m.root.fields[0] as OneOfNode).discriminator, 'k');
    assert.deepEqual(initialValue(m, { x: { k: 'b' } }), { x: { k: 'b', v: 'vb' } });
    assert.deepEqual(initialValue(m, { x: { k: 'b', v: 'stored', n: 9 } }), { x: { k: 'b', v: 'stored', n: 9 } });
  });

  it('a stored oneOf without a known discriminator picks the branch whose keys match best, else the first', () => {
    const m = tunnelModel();
    assert.deepEqual(initialValue(m, { tunnel_method: { tunnel_host: 'h', tunnel_user_password: SECRET_MASK } }), {
      tunnel_method: { tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_host: 'h', tunnel_user_password: SECRET_MASK },
    });
    assert.deepEqual(initialValue(m, { tunnel_method: { tunnel_host: 'h', ssh_key: 'k' } }).tunnel_method, {
      tunnel_method: 'SSH_KEY_AUTH',
      tunnel_host: 'h',
      ssh_key: 'k',
    });
    assert.deepEqual(initialValue(m, { tunnel_method: { tunnel_method: 'GONE', nothing: 1 } }).tunnel_method, {
      tunnel_method: 'SSH_PASSWORD_AUTH',
      nothing: 1,
    });
  });

  it('a missing required oneOf gets the default (else first) branch, structurally; a missing optional one stays missing', () => {
    assert.deepEqual(initialValue(tunnelModel(), {}), { tunnel_method: { tunnel_method: 'SSH_PASSWORD_AUTH' } });
    assert.deepEqual(initialValue(model({ tunnel_method: tunnel }), {}), {});
  });

  it('treats a non-object stored value as empty', () => {
    assert.deepEqual(initialValue(tunnelModel(), null as unknown as S), {
      tunnel_method: { tunnel_method: 'SSH_PASSWORD_AUTH' },
    });
  });
});
