// Configuration from the environment, and the `npm run sandbox` command built on it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { delimiter } from 'node:path';
import { describe, it } from 'node:test';
import { readSandboxOptions } from '../../src/sandbox/index.js';

describe('readSandboxOptions', () => {
  it('applies the documented defaults', () => {
    assert.deepEqual(readSandboxOptions({}), {
      dataDir: '.sandbox-data',
      catalogDirs: [],
      clientId: 'sandbox-client-id',
      clientSecret: 'sandbox-client-secret',
      tokenTtlSeconds: 1200,
      rateLimit: 1000,
      slowCheckMs: 3000,
    });
  });

  it('reads every variable, with several catalog directories', () => {
    const options = readSandboxOptions({
      SANDBOX_DATA_DIR: 'memory',
      SANDBOX_CATALOG: ['/a', '/b'].join(delimiter),
      SANDBOX_CLIENT_ID: 'id',
      SANDBOX_CLIENT_SECRET: 'secret',
      SANDBOX_TOKEN_TTL_SECONDS: '60',
      SANDBOX_RATE_LIMIT: '5',
      SANDBOX_SLOW_CHECK_MS: '0',
      SANDBOX_PUBLIC_URL: 'https://sandbox.example.test',
    });
    assert.deepEqual(options, {
      dataDir: 'memory',
      catalogDirs: ['/a', '/b'],
      clientId: 'id',
      clientSecret: 'secret',
      tokenTtlSeconds: 60,
      rateLimit: 5,
      slowCheckMs: 0,
      publicUrl: 'https://sandbox.example.test',
    });
  });

  for (const [name, value] of [
    ['SANDBOX_RATE_LIMIT', 'lots'],
    ['SANDBOX_RATE_LIMIT', '0'],
    ['SANDBOX_TOKEN_TTL_SECONDS', '-5'],
    ['SANDBOX_TOKEN_TTL_SECONDS', '1.5'],
    ['SANDBOX_PUBLIC_URL', 'not a url'],
  ] as const) {
    it(`refuses ${name}=${value} with an error naming the variable`, () => {
      assert.throws(() => readSandboxOptions({ [name]: value }), new RegExp(`${name}.*"${value.replace('.', '\\.')}"`));
    });
  }
});

describe('npm run sandbox (src/sandbox/main.ts)', () => {
  it('prints where it listens, serves the API, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], {
      env: { ...process.env, PORT: '0', SANDBOX_DATA_DIR: 'memory' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = /^airbyte-connect sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n.*client_id=/m.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${output}`)));
      });
      assert.match(output, /client_id=sandbox-client-id client_secret=sandbox-client-secret/);
      const answer = await fetch(`${url}/api/v1/account/applications/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: 'sandbox-client-id', client_secret: 'sandbox-client-secret' }),
      });
      assert.equal(answer.status, 200);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('exits with status 1 and a message naming a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], {
      env: { ...process.env, PORT: '0', SANDBOX_DATA_DIR: 'memory', SANDBOX_RATE_LIMIT: 'lots' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(errors, /SANDBOX_RATE_LIMIT/);
  });
});
