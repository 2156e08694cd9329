// Source templates: the catalog, operator-created templates, derived form specs, tag filters, pagination.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DATABASE_SPEC, ORIGIN, startTestSandbox, unique, type TestSandbox } from './helpers.js';

const TINY_DEFINITION_ID = '5f0c8d1e-3a2b-4c6d-8e9f-0a1b2c3d4e5f';
const TINY_SPEC = {
  type: 'object',
  required: ['host', 'port', 'password'],
  properties: {
    host: { type: 'string' },
    port: { type: 'integer' },
    password: { type: 'string', airbyte_secret: true },
    database: { type: 'string' },
  },
};

let sandbox: TestSandbox;
let catalogRoot: string;

before(async () => {
  catalogRoot = mkdtempSync(join(tmpdir(), 'sandbox-catalog-'));
  const first = join(catalogRoot, 'first');
  const second = join(catalogRoot, 'second');
  for (const dir of [first, second]) mkdirSync(dir);
  const write = (dir: string, file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value));
  write(first, 'source-tiny-db.json', { ...TINY_SPEC, title: 'replaced later' });
  write(first, 'source-tiny-db.meta.json', { name: 'Tiny DB (old)' });
  write(second, 'source-tiny-db.json', TINY_SPEC);
  write(second, 'source-tiny-db.meta.json', { name: 'Tiny DB', sourceDefinitionId: TINY_DEFINITION_ID, tags: ['tiny'] });
  write(second, 'source-plain-files.json', { type: 'object', properties: {} });
  sandbox = await startTestSandbox({ catalogDirs: [first, second] });
});
after(async () => {
  await sandbox.close();
  rmSync(catalogRoot, { recursive: true, force: true });
});

/** Every template id visible to the token, following `next` when the list paginates. */
async function allIds(path: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null | undefined = `${sandbox.url}${path}`;
  while (next) {
    const answer = await sandbox.call('GET', next.slice(sandbox.url.length), { token });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    ids.push(...answer.body.data.map((item: { id: string }) => item.id));
    next = answer.body.next;
  }
  return ids;
}

describe('catalog templates', () => {
  it('turns catalog directories into templates; a later file of the same name replaces the earlier one', async () => {
    const token = await sandbox.scopedToken(unique('catalog'));
    const list = await sandbox.call('GET', '/api/v1/embedded/source-templates', { token });
    assert.equal(list.status, 200);
    assert.equal(list.body.next, undefined, 'no pagination without limit');
    const names = list.body.data.map((item: { name: string }) => item.name);
    assert.ok(names.includes('Tiny DB'));
    assert.ok(!names.includes('Tiny DB (old)'));
    assert.ok(names.includes('Plain Files'), 'file name humanised when meta has no name');

    const item = list.body.data.find((entry: { name: string }) => entry.name === 'Tiny DB');
    assert.deepEqual(Object.keys(item).sort(), ['icon', 'id', 'name', 'source_definition_id', 'tags']);
    assert.equal(item.source_definition_id, TINY_DEFINITION_ID);
    assert.deepEqual(item.tags, ['tiny']);
    assert.equal(item.icon, null);

    const full = await sandbox.call('GET', `/api/v1/embedded/source-templates/${item.id}`, { token });
    assert.equal(full.status, 200);
    assert.deepEqual(full.body.user_config_spec, { connectionSpecification: TINY_SPEC });
    assert.equal(full.body.organization_id, null);
    assert.equal(full.body.mode, 'REPLICATION');
    assert.deepEqual(full.body.partial_default_config, {});
    assert.equal(full.body.actor_definition_id, TINY_DEFINITION_ID);
    assert.ok(!Number.isNaN(Date.parse(full.body.created_at)));
  });

  it('includes every built-in catalog definition (src/sandbox/catalog) as a template', async (t) => {
    const dir = fileURLToPath(new URL('../../src/sandbox/catalog/', import.meta.url));
    const metas = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.meta.json')) : [];
    if (metas.length === 0) return t.diagnostic('no built-in catalog yet');
    const token = await sandbox.scopedToken(unique('builtin'));
    const list = (await sandbox.call('GET', '/api/v1/embedded/source-templates', { token })).body.data;
    for (const file of metas) {
      const meta = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      if (!meta.name) continue;
      const template = list.find((item: { name: string }) => item.name === meta.name);
      assert.ok(template, `${file}: ${meta.name}`);
      if (meta.sourceDefinitionId) assert.equal(template.source_definition_id, meta.sourceDefinitionId);
    }
  });

  it('answers 404 for unknown template ids', async () => {
    const token = await sandbox.scopedToken(unique('catalog'));
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const answer = await sandbox.call('GET', `/api/v1/embedded/source-templates/${id}`, { token });
      assert.equal(answer.status, 404);
      assert.equal(typeof answer.body.detail, 'string');
    }
  });
});

describe('operator templates', () => {
  it('creates a template from an explicit user_config_spec and serves it to operators and end users', async () => {
    const created = await sandbox.createTemplate({
      name: unique('Explicit'),
      icon: 'https://icons.example.test/db.svg',
      tags: ['explicit'],
      user_config_spec: { connectionSpecification: DATABASE_SPEC },
    });
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.equal(created.organization_id.length, 36);
    assert.deepEqual(created.user_config_spec.connectionSpecification, DATABASE_SPEC);

    const operator = await sandbox.operatorToken();
    const viaOperator = await sandbox.call('GET', `/api/v1/integrations/templates/sources/${created.id}`, { token: operator });
    assert.equal(viaOperator.status, 200);
    assert.deepEqual(viaOperator.body, created);

    const token = await sandbox.scopedToken(unique('explicit'));
    const viaEndUser = await sandbox.call('GET', `/api/v1/embedded/source-templates/${created.id}`, { token });
    assert.deepEqual(viaEndUser.body, created);
  });

  it('derives the form from the catalog connector: defaulted top-level keys leave required and the form', async () => {
    const created = await sandbox.createTemplate({
      name: unique('Derived'),
      source_definition_id: TINY_DEFINITION_ID,
      partial_default_config: { port: 5432, password: 'operator-secret' },
    });
    const spec = created.user_config_spec.connectionSpecification;
    assert.deepEqual(spec.required, ['host']);
    assert.deepEqual(Object.keys(spec.properties).sort(), ['database', 'host']);
    assert.equal(created.source_definition_id, TINY_DEFINITION_ID);
    assert.equal(created.partial_default_config.port, 5432);
    assert.equal(created.partial_default_config.password, '**********', 'secrets in defaults are masked');
    assert.doesNotMatch(JSON.stringify(created), /operator-secret/);

    // A user who fills in only the remaining field gets a valid source: the defaults complete the config.
    const token = await sandbox.scopedToken(unique('derived'));
    const source = await sandbox.call('POST', '/api/v1/embedded/sources', {
      token,
      body: { source_template_id: created.id, source_config: { host: 'db.example.test' } },
    });
    assert.equal(source.status, 200, JSON.stringify(source.body));
    assert.deepEqual(source.body.source_config, { host: 'db.example.test' });
  });

  it('accepts actor_definition_id as the definition id', async () => {
    const created = await sandbox.createTemplate({ name: unique('Actor'), actor_definition_id: TINY_DEFINITION_ID });
    assert.equal(created.source_definition_id, TINY_DEFINITION_ID);
  });

  it('refuses a duplicate name in the organisation with 409', async () => {
    const name = unique('Duplicate');
    await sandbox.createTemplate({ name, user_config_spec: { connectionSpecification: TINY_SPEC } });
    const answer = await sandbox.call('POST', '/api/v1/integrations/templates/sources', {
      token: await sandbox.operatorToken(),
      body: { name, user_config_spec: { connectionSpecification: TINY_SPEC } },
    });
    assert.equal(answer.status, 409);
    assert.match(answer.body.detail, /already exists/);
  });

  it('reports bad template bodies as 422 issues', async () => {
    const operator = await sandbox.operatorToken();
    const post = (body: unknown) => sandbox.call('POST', '/api/v1/integrations/templates/sources', { token: operator, body });
    const locs = async (body: unknown) => {
      const answer = await post(body);
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      return answer.body.detail.map((issue: { loc: string[] }) => issue.loc.join('.'));
    };
    assert.deepEqual(await locs({}), ['body.name']);
    assert.deepEqual(await locs({ name: 'no spec' }), ['body.source_definition_id']);
    assert.deepEqual(await locs({ name: 'unknown', source_definition_id: '00000000-0000-4000-8000-000000000000' }), [
      'body.source_definition_id',
    ]);
    assert.deepEqual(await locs({ name: 'bad spec', user_config_spec: { connectionSpecification: { type: 'no-such-type' } } }), [
      'body.user_config_spec.connectionSpecification',
    ]);
    assert.deepEqual(await locs({ name: 'x', tags: 'not-a-list', user_config_spec: { connectionSpecification: TINY_SPEC } }), [
      'body.tags',
    ]);
  });
});

describe('tag filters', () => {
  let onlyA: string;
  let onlyB: string;
  let both: string;
  const a = unique('tag-a');
  const b = unique('tag-b');

  before(async () => {
    const make = async (tags: string[]) =>
      (await sandbox.createTemplate({ name: unique('Tagged'), tags, user_config_spec: { connectionSpecification: TINY_SPEC } })).id;
    onlyA = await make([a]);
    onlyB = await make([b]);
    both = await make([a, b]);
  });

  const visibleTo = async (tags: string[], mode?: 'any' | 'all') => {
    const body: Record<string, unknown> = { workspace_name: unique('tags'), allowed_origin: ORIGIN, selected_source_template_tags: tags };
    if (mode) body.selected_source_template_tags_mode = mode;
    const { token } = await sandbox.widgetToken(body);
    return { token, ids: new Set(await allIds('/api/v1/embedded/source-templates', token)) };
  };

  it('"any" (the default) shows templates with at least one of the tags', async () => {
    const { ids } = await visibleTo([a, b]);
    assert.deepEqual([onlyA, onlyB, both].map((id) => ids.has(id)), [true, true, true]);
    assert.equal(ids.size, 3);
  });

  it('"all" shows only templates with every tag, and hides the others from GET and from source creation', async () => {
    const { token, ids } = await visibleTo([a, b], 'all');
    assert.deepEqual([...ids], [both]);
    const hidden = await sandbox.call('GET', `/api/v1/embedded/source-templates/${onlyA}`, { token });
    assert.equal(hidden.status, 404);
    const create = await sandbox.call('POST', '/api/v1/embedded/sources', {
      token,
      body: { source_template_id: onlyA, source_config: { host: 'h', port: 1, password: 'p' } },
    });
    assert.equal(create.status, 404);
  });

  it('no tags shows every template', async () => {
    const { ids } = await visibleTo([]);
    for (const id of [onlyA, onlyB, both]) assert.ok(ids.has(id));
    assert.ok(ids.size > 3);
  });

  it('operators filter with ?tags=…&tags_mode=…', async () => {
    const operator = await sandbox.operatorToken();
    const anyIds = new Set(await allIds(`/api/v1/integrations/templates/sources?tags=${a}&tags=${b}`, operator));
    assert.deepEqual(anyIds, new Set([onlyA, onlyB, both]));
    const allIdsList = await allIds(`/api/v1/integrations/templates/sources?tags=${a}&tags=${b}&tags_mode=all`, operator);
    assert.deepEqual(allIdsList, [both]);
    const bad = await sandbox.call('GET', '/api/v1/integrations/templates/sources?tags_mode=some', { token: operator });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail[0].loc, ['query', 'tags_mode']);
  });
});

describe('pagination', () => {
  before(async () => {
    const token = await sandbox.scopedToken(unique('count'));
    const total = (await sandbox.call('GET', '/api/v1/embedded/source-templates', { token })).body.data.length;
    for (let i = total; i <= 21; i++) {
      await sandbox.createTemplate({ name: unique('Filler'), user_config_spec: { connectionSpecification: TINY_SPEC } });
    }
  });

  it('operator lists default to 20 items with a full next URL, and following next visits everything once', async () => {
    const operator = await sandbox.operatorToken();
    const first = await sandbox.call('GET', '/api/v1/integrations/templates/sources', { token: operator });
    assert.equal(first.body.data.length, 20);
    assert.ok(first.body.next.startsWith(`${sandbox.url}/api/v1/integrations/templates/sources?`));

    const paged = await allIds('/api/v1/integrations/templates/sources?limit=3', operator);
    const everything = await allIds('/api/v1/integrations/templates/sources?limit=100', operator);
    assert.equal(new Set(paged).size, paged.length, 'no duplicates');
    assert.deepEqual(paged, everything);

    const last = await sandbox.call('GET', '/api/v1/integrations/templates/sources?limit=100', { token: operator });
    assert.equal(last.body.next, null);
  });

  it('embedded lists paginate the same way when a limit is given', async () => {
    const token = await sandbox.scopedToken(unique('pages'));
    const whole = (await sandbox.call('GET', '/api/v1/embedded/source-templates', { token })).body.data.map((t: { id: string }) => t.id);
    const page = await sandbox.call('GET', '/api/v1/embedded/source-templates?limit=2', { token });
    assert.equal(page.body.data.length, 2);
    assert.equal(typeof page.body.next, 'string');
    assert.deepEqual(await allIds('/api/v1/embedded/source-templates?limit=4', token), whole);
  });

  it('refuses limits outside 1..100 and unknown cursors with 422', async () => {
    const operator = await sandbox.operatorToken();
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'cursor=%%%']) {
      const answer = await sandbox.call('GET', `/api/v1/integrations/templates/sources?${query}`, { token: operator });
      assert.equal(answer.status, 422, query);
      assert.equal(answer.body.detail[0].loc[0], 'query');
    }
  });
});
