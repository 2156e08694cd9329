// Shared by the sandbox tests: start a real sandbox on a free loopback port and talk HTTP to it.
import { startSandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export const CLIENT_ID = 'test-client';
export const CLIENT_SECRET = 'test-secret';
export const ORIGIN = 'http://app.example.test:3000';

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON (any: tests read arbitrary answers), or the text when it is not JSON. */
  body: any;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestSandbox {
  url: string;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** A fresh application (operator) token. */
  operatorToken(): Promise<string>;
  /** POST /embedded/widget-token and return the decoded payload. */
  widgetToken(body: Record<string, unknown>): Promise<{ token: string; widgetUrl: string }>;
  /** A scoped token for the workspace (not origin-bound). */
  scopedToken(workspaceName: string, extra?: Record<string, unknown>): Promise<string>;
  /** Creates an operator template and returns it. */
  createTemplate(body: Record<string, unknown>): Promise<Answer['body']>;
  close(): Promise<void>;
}

let counter = 0;
/** A name no other test in the process uses. */
export const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const running = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    dataDir: 'memory',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    rateLimit: 1_000_000,
    slowCheckMs: 300,
    ...options,
  });

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${running.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };

  const operatorToken = async () => {
    const answer = await call('POST', '/api/v1/account/applications/token', {
      body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
    });
    if (answer.status !== 200) throw new Error(`application token: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.access_token as string;
  };

  const expectOk = (what: string, answer: Answer) => {
    if (answer.status !== 200) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  return {
    url: running.url,
    call,
    operatorToken,
    async widgetToken(body) {
      const answer = await call('POST', '/api/v1/embedded/widget-token', { token: await operatorToken(), body });
      return decodeWidgetToken(expectOk('widget-token', answer).token);
    },
    async scopedToken(workspaceName, extra = {}) {
      const answer = await call('POST', '/api/v1/embedded/scoped-token', {
        token: await operatorToken(),
        body: { workspace_name: workspaceName, ...extra },
      });
      return expectOk('scoped-token', answer).token;
    },
    async createTemplate(body) {
      const answer = await call('POST', '/api/v1/integrations/templates/sources', { token: await operatorToken(), body });
      return expectOk('create template', answer);
    },
    close: () => running.close(),
  };
}

export function decodeWidgetToken(token: string): { token: string; widgetUrl: string } {
  return JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
}

/** The claims of a JWT, unverified. */
export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

export function jwtHeader(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8'));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small connector spec with the features the sandbox must handle: secrets, bounds, a pattern, a oneOf. */
export const DATABASE_SPEC = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['host', 'port', 'username', 'password', 'credentials'],
  properties: {
    host: { type: 'string', title: 'Host' },
    port: { type: 'integer', minimum: 1, maximum: 65536, title: 'Port' },
    username: { type: 'string' },
    password: { type: 'string', airbyte_secret: true },
    start_date: { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    ssl: {
      type: 'object',
      properties: { mode: { type: 'string', enum: ['disable', 'require'] }, ca: { type: 'string', airbyte_secret: true } },
    },
    schemas: { type: 'array', items: { type: 'string' } },
    credentials: {
      type: 'object',
      title: 'Authentication',
      oneOf: [
        {
          title: 'API key',
          required: ['auth_type', 'api_key'],
          properties: {
            auth_type: { type: 'string', const: 'api_key' },
            // The mask cannot match this pattern, so validation shows whether a stored key was put back.
            api_key: { type: 'string', airbyte_secret: true, pattern: '^[A-Za-z0-9-]+$' },
          },
        },
        {
          title: 'OAuth',
          required: ['auth_type', 'client_id', 'client_secret'],
          properties: {
            auth_type: { type: 'string', const: 'oauth' },
            client_id: { type: 'string' },
            client_secret: { type: 'string', airbyte_secret: true },
          },
        },
      ],
    },
    tunnels: {
      type: 'array',
      items: { type: 'object', properties: { host: { type: 'string' }, key: { type: 'string', airbyte_secret: true } } },
    },
  },
};

/** A valid config for DATABASE_SPEC. */
export const databaseConfig = () => ({
  host: 'db.example.test',
  port: 5432,
  username: 'reader',
  password: 'hunter2',
  credentials: { auth_type: 'api_key', api_key: 'key-123' },
});
