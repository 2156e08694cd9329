// The demo host app, on one origin: the pages at /, our pretend backend under /demo/, the built widget
// under /dist/ and the sandbox (standing in for api.airbyte.ai) under /api/v1/.
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSandbox, readSandboxOptions, type SandboxOptions } from '../src/sandbox/index.js';
import { createTokenClient } from '../src/server/index.js';
import { hostBackend } from './host-backend.js';

const PAGES_DIR = fileURLToPath(new URL('./pages', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));
// No inline script or style anywhere: the pages prove the widget runs under a strict CSP. Images are the
// exception: template icons are data: URLs in the sandbox and CDN URLs on Airbyte's cloud.
const PAGE_CSP = "default-src 'self'; img-src 'self' data: https:";

export interface DemoServerOptions {
  host: string;
  port: number;
  sandboxOptions: SandboxOptions;
}

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export async function startDemoServer({ host, port, sandboxOptions }: DemoServerOptions): Promise<DemoServer> {
  // The sandbox's defaults (what it reads from an empty environment), then the caller's choices.
  const options: SandboxOptions = { ...readSandboxOptions({}), ...sandboxOptions };
  const sandbox = await createSandbox(options);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${actualPort}`;

  // Our backend reaches the sandbox over HTTP, exactly as it would reach api.airbyte.ai.
  const tokens = createTokenClient({
    clientId: options.clientId ?? '',
    clientSecret: options.clientSecret ?? '',
    baseUrl: `http://${urlHost(loopbackFor(host))}:${actualPort}`,
  });

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.all('/api/v1/*', (c) => sandbox.fetch(c.req.raw, c.env));
  app.route('/demo', hostBackend({ tokens, ownOrigin: url }));
  app.get('/dist/*', serveDist(), (c) =>
    c.text(`${c.req.path} is not built yet: run \`npm run build\` (npm start does it for you).\n`, 404),
  );
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', PAGE_CSP);
  });
  app.get('*', serveStatic({ root: PAGES_DIR }));
  server.on('request', getRequestListener(app.fetch));

  return {
    url,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await sandbox.close();
    },
  };
}

/** Serves dist/ once it exists; until then falls through to the "run npm run build" answer. */
function serveDist(): MiddlewareHandler {
  let serve: MiddlewareHandler | undefined;
  return (c, next) => {
    if (!existsSync(DIST_DIR)) return next();
    serve ??= serveStatic({ root: DIST_DIR, rewriteRequestPath: (path) => path.slice('/dist'.length) });
    return serve(c, next);
  };
}

/** A wildcard listen address is not something to connect to: use the loopback address instead. */
function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function main(): Promise<void> {
  const sandboxOptions = readSandboxOptions();
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const port = Number(process.env.PORT?.trim() || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);

  const demo = await startDemoServer({ host, port, sandboxOptions });
  const secret = process.env.SANDBOX_CLIENT_SECRET?.trim() ? '(from SANDBOX_CLIENT_SECRET)' : sandboxOptions.clientSecret;
  console.log(`airbyte-connect demo: ${demo.url}`);
  console.log(`sandbox API at ${demo.url}/api/v1: client_id ${sandboxOptions.clientId}, client_secret ${secret}`);

  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
