import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestSandbox, type TestSandbox } from '../support/sandbox-node.js';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/connector-specs/', import.meta.url));

describe('SANDBOX_CATALOG with the 60 real connector specs', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startTestSandbox({ catalogDirs: [fixtures] });
  });
  after(() => sandbox.close());

  it('offers every definition of the directory as a template, by its meta name', async () => {
    const definitions = readdirSync(fixtures).filter((f) => /^source-.*(?<!\.advanced_auth|\.meta)\.json$/.test(f));
    assert.equal(definitions.length, 60);
    const expected = definitions.map((file) => {
      try {
        return JSON.parse(readFileSync(`${fixtures}/${file.replace(/\.json$/, '.meta.json')}`, 'utf8')).name as string;
      } catch {
        return undefined;
      }
    });
    const token = await sandbox.scopedToken();
    const response = await fetch(`${sandbox.apiBaseUrl}/source-templates`, { headers: { authorization: `Bearer ${token}` } });
    const names = new Set(((await response.json()) as { data: { name: string }[] }).data.map((t) => t.name));
    for (const name of expected) if (name) assert.ok(names.has(name), `${name} is offered`);
    assert.ok(names.size >= 60, `at least the 60 real connectors (got ${names.size})`);
  });
});
