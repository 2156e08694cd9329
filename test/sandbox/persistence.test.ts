// Persistence: a sandbox restarted on the same data directory keeps its data and its signing key, and two
// sandboxes never share a directory.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/index.js';
import { DATABASE_SPEC, databaseConfig, ORIGIN, startTestSandbox, unique } from './helpers.js';

let dataDir: string;
before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence across restarts', () => {
  it('keeps workspaces, sources, templates, known origins and the signing key', async () => {
    const first = await startTestSandbox({ dataDir });
    const operator = await first.operatorToken();
    const organizationId = (await first.call('GET', '/api/v1/embedded/scoped-token/info', { token: await first.scopedToken('x') })).body
      .organization_id;
    const template = await first.createTemplate({ name: unique('Persistent'), user_config_spec: { connectionSpecification: DATABASE_SPEC } });
    const { token } = await first.widgetToken({ workspace_name: unique('persistent'), allowed_origin: ORIGIN });
    const created = await first.call('POST', '/api/v1/embedded/sources', {
      token,
      body: { source_template_id: template.id, source_config: databaseConfig() },
    });
    assert.equal(created.status, 200);
    const catalogIds = (await first.call('GET', '/api/v1/embedded/source-templates', { token })).body.data.map((t: { id: string }) => t.id);
    await first.close();
    assert.ok(!existsSync(join(dataDir, 'sandbox.lock')), 'the lock is released on close');

    const second = await startTestSandbox({ dataDir });
    try {
      // Tokens minted before the restart still verify: the signing key was kept.
      const read = await second.call('GET', `/api/v1/embedded/sources/${created.body.id}`, { token });
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.deepEqual(read.body, created.body);
      const sameOperator = await second.call('GET', `/api/v1/integrations/templates/sources/${template.id}`, { token: operator });
      assert.equal(sameOperator.status, 200);
      const info = await second.call('GET', '/api/v1/embedded/scoped-token/info', { token: await second.scopedToken('x') });
      assert.equal(info.body.organization_id, organizationId);
      const ids = (await second.call('GET', '/api/v1/embedded/source-templates', { token })).body.data.map((t: { id: string }) => t.id);
      assert.deepEqual(ids, catalogIds, 'template ids are stable');
      const preflight = await fetch(`${second.url}/api/v1/embedded/sources`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.status, 204, 'registered origins are kept');
      // The mask round trip still finds the stored secrets.
      const updated = await second.call('PUT', `/api/v1/embedded/sources/${created.body.id}`, {
        token,
        body: { source_config: created.body.source_config },
      });
      assert.equal(updated.status, 200, JSON.stringify(updated.body));
    } finally {
      await second.close();
    }
  });
});

describe('data directory lock', () => {
  it('refuses a second sandbox on a directory in use, naming the directory', async () => {
    const running = await createSandbox({ dataDir });
    try {
      await assert.rejects(createSandbox({ dataDir }), (error: Error) => {
        assert.match(error.message, /in use/);
        assert.ok(error.message.includes(dataDir));
        return true;
      });
    } finally {
      await running.close();
    }
  });

  it('refuses a directory locked by another live process, naming its PID', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'sandbox.lock'), `${holder.pid}\n`);
      await assert.rejects(createSandbox({ dataDir }), new RegExp(`process ${holder.pid}`));
    } finally {
      holder.kill();
      rmSync(join(dataDir, 'sandbox.lock'), { force: true });
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dataDir, 'sandbox.lock'), `${gone}\n`);
    const sandbox = await createSandbox({ dataDir });
    await sandbox.close();
  });
});
