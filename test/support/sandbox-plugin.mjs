// A web-test-runner plugin that starts a real sandbox (in memory, on a free loopback port) for the browser
// tests and gives them server commands to mint tokens and to drive the sandbox's operator API, such as its
// fault-injection settings. The browser talks to the sandbox cross-origin, as a host page talks to Airbyte.
import { register } from 'tsx/esm/api';

register();

export const SANDBOX_CLIENT_ID = 'wtr-client';
export const SANDBOX_CLIENT_SECRET = 'wtr-secret';

export function sandboxPlugin() {
  let sandbox;
  let appToken;

  async function operator(method, path, body) {
    if (!appToken || appToken.expiresAt < Date.now() + 30_000) {
      const response = await fetch(`${sandbox.url}/api/v1/account/applications/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET }),
      });
      const json = await response.json();
      if (!response.ok) throw new Error(`application token: ${response.status} ${JSON.stringify(json)}`);
      appToken = { value: json.access_token, expiresAt: Date.now() + json.expires_in * 1000 };
    }
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${appToken.value}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, body: json };
  }

  return {
    name: 'airbyte-connect-sandbox',
    async serverStart() {
      const { startSandbox } = await import('../../src/sandbox/index.ts');
      sandbox = await startSandbox({
        host: '127.0.0.1',
        port: 0,
        dataDir: 'memory',
        clientId: SANDBOX_CLIENT_ID,
        clientSecret: SANDBOX_CLIENT_SECRET,
        rateLimit: 1_000_000,
        slowCheckMs: 1500,
      });
    },
    async serverStop() {
      await sandbox?.close();
    },
    /** A pretend host backend for `token-url` tests: POST /__test/token?workspace=… mints a widget token. */
    async serve(context) {
      if (context.path !== '/__test/token') return undefined;
      const workspace = context.URL.searchParams.get('workspace');
      if (context.method !== 'POST' || !workspace) return { body: '{"detail":"POST with ?workspace="}', type: 'json', status: 400 };
      const result = await operator('POST', '/api/v1/embedded/widget-token', {
        workspace_name: workspace,
        allowed_origin: context.get('origin') || `${context.protocol}://${context.host}`,
        selected_source_template_tags: context.URL.searchParams.getAll('tag'),
      });
      return { body: JSON.stringify({ token: result.body.token }), type: 'json' };
    },
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'sandbox-info':
          return { url: sandbox.url, apiBaseUrl: `${sandbox.url}/api/v1/embedded` };
        case 'sandbox-widget-token': {
          const result = await operator('POST', '/api/v1/embedded/widget-token', payload);
          if (result.status !== 200) throw new Error(`widget-token: ${result.status} ${JSON.stringify(result.body)}`);
          return result.body.token;
        }
        case 'sandbox-scoped-token': {
          const result = await operator('POST', '/api/v1/embedded/scoped-token', payload);
          if (result.status !== 200) throw new Error(`scoped-token: ${result.status} ${JSON.stringify(result.body)}`);
          return result.body.token;
        }
        case 'sandbox-operator':
          return operator(payload.method, payload.path, payload.body);
        default:
          return undefined;
      }
    },
  };
}
