// Starts a real sandbox for Node-side tests and talks to its operator API, as a host backend would.
import { randomUUID } from 'node:crypto';
import { startSandbox } from '../../src/sandbox/index.js';

export interface TestSandbox {
  readonly url: string;
  readonly apiBaseUrl: string;
  operator(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  widgetToken(body?: Record<string, unknown>): Promise<string>;
  scopedToken(body?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export const TEST_ORIGIN = 'http://app.test';

export async function startTestSandbox(options: Record<string, unknown> = {}): Promise<TestSandbox> {
  const clientId = 'node-test-client';
  const clientSecret = 'node-test-secret';
  const sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    dataDir: 'memory',
    clientId,
    clientSecret,
    rateLimit: 1_000_000,
    slowCheckMs: 200,
    ...options,
  });
  let appToken: string | undefined;
  async function operator(method: string, path: string, body?: unknown) {
    if (!appToken) {
      const response = await fetch(`${sandbox.url}/api/v1/account/applications/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: clientId, client_secret: clientSecret }),
      });
      appToken = ((await response.json()) as { access_token: string }).access_token;
    }
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${appToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
  async function mint(path: string, body: Record<string, unknown>) {
    const result = await operator('POST', path, body);
    if (result.status !== 200) throw new Error(`${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body.token as string;
  }
  return {
    url: sandbox.url,
    apiBaseUrl: `${sandbox.url}/api/v1/embedded`,
    operator,
    widgetToken: (body = {}) =>
      mint('/api/v1/embedded/widget-token', { workspace_name: `ws-${randomUUID()}`, allowed_origin: TEST_ORIGIN, ...body }),
    scopedToken: (body = {}) => mint('/api/v1/embedded/scoped-token', { workspace_name: `ws-${randomUUID()}`, ...body }),
    close: () => sandbox.close(),
  };
}

/** A small spec with one field of each basic kind, so tests do not depend on catalog content. */
export const TEST_SPEC = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['host', 'port', 'password'],
  properties: {
    host: { type: 'string', title: 'Host', order: 0 },
    port: { type: 'integer', title: 'Port', minimum: 1, maximum: 65535, default: 5432, order: 1 },
    password: { type: 'string', title: 'Password', airbyte_secret: true, order: 2 },
    ssl: { type: 'boolean', title: 'Use SSL', default: false, order: 3 },
    schemas: { type: 'array', title: 'Schemas', items: { type: 'string' }, order: 4 },
    mode: { type: 'string', title: 'Mode', enum: ['fast', 'safe'], order: 5 },
  },
};

export async function createTemplate(sandbox: TestSandbox, spec: unknown = TEST_SPEC, extra: Record<string, unknown> = {}) {
  const tag = `t-${randomUUID()}`;
  const result = await sandbox.operator('POST', '/api/v1/integrations/templates/sources', {
    name: `Test DB ${tag.slice(2, 8)}`,
    tags: [tag],
    user_config_spec: { connectionSpecification: spec },
    ...extra,
  });
  if (result.status >= 300) throw new Error(`template: ${result.status} ${JSON.stringify(result.body)}`);
  return { template: result.body as { id: string; name: string }, tag };
}
