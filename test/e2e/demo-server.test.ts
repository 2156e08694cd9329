// The demo server's HTTP surface, without a browser: pages under a strict CSP, the token backend,
// the sandbox under /api/v1/ and the built widget under /dist/.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startDemoServer, type DemoServer } from '../../demo/server.js';

let demo: DemoServer;

before(async () => {
  demo = await startDemoServer({ host: '127.0.0.1', port: 0, sandboxOptions: { dataDir: 'memory' } });
});
after(async () => {
  await demo?.close();
});

function decodeWidgetToken(token: string): { token: string; widgetUrl: string } {
  return JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
}

function workspaceOf(jwt: string): string {
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
  return claims['io.airbyte.auth.workspace_scope'].workspaceId;
}

async function mint(headers: Record<string, string> = {}) {
  const response = await fetch(`${demo.url}/demo/token`, { method: 'POST', headers });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return decodeWidgetToken(((await response.json()) as { token: string }).token);
}

describe('demo server', () => {
  it('prints its URL as http://HOST:PORT', () => {
    assert.match(demo.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  for (const page of ['/', '/dialog.html', '/compat.html', '/theme.html']) {
    it(`serves ${page} under a strict CSP, with no inline script or style`, async () => {
      const response = await fetch(`${demo.url}${page}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /^default-src 'self';/);
      assert.doesNotMatch(csp, /script-src|style-src|unsafe/, 'scripts and styles come from this origin only');
      const html = await response.text();
      assert.match(html, /<script type="module" src="\/dist\/define\.js"><\/script>|airbyte-connect\.iife\.js|airbyte-connect-loader\.js/);
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script is external');
      assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style or handler');
    });
  }

  it('serves the page modules as JavaScript', async () => {
    for (const file of readdirSync('demo/pages').filter((name) => name.endsWith('.js'))) {
      const response = await fetch(`${demo.url}/${file}`);
      assert.equal(response.status, 200, file);
      assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/, file);
    }
  });

  it('mints a widget token for the page\'s origin, or its own when there is none', async () => {
    const fromPage = new URL((await mint({ origin: 'http://localhost:5173' })).widgetUrl);
    assert.equal(fromPage.searchParams.get('allowedOrigin'), 'http://localhost:5173');
    const own = new URL((await mint()).widgetUrl);
    assert.equal(own.searchParams.get('allowedOrigin'), demo.url);
  });

  it('gives each pretend user their own workspace', async () => {
    const demoUser = workspaceOf((await mint()).token);
    assert.equal(workspaceOf((await mint()).token), demoUser, 'the same user keeps one workspace');
    assert.notEqual(workspaceOf((await mint({ cookie: 'acme_user=grace' })).token), demoUser);
  });

  it('serves the sandbox API under /api/v1/', async () => {
    const { token } = await mint({ origin: demo.url });
    const response = await fetch(`${demo.url}/api/v1/embedded/source-templates`, {
      headers: { authorization: `Bearer ${token}`, origin: demo.url },
    });
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as { data: unknown[] };
    assert.ok(data.length > 0);
  });

  it('answers a missing widget file with a hint to build', async () => {
    const response = await fetch(`${demo.url}/dist/no-such-file.js`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /npm run build/);
  });

  it('serves the built widget as JavaScript', { skip: !existsSync('dist/airbyte-connect.js') && 'dist/ not built' }, async () => {
    const response = await fetch(`${demo.url}/dist/airbyte-connect.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
  });

  it('answers unknown pages with 404', async () => {
    assert.equal((await fetch(`${demo.url}/no-such-page.html`)).status, 404);
  });
});
