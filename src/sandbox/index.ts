// The sandbox: a local server speaking the Airbyte Embedded API (current generation) over an embedded database.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { buildApp } from './app.js';
import { loadCatalog } from './catalog.js';
import type { Bindings, Deps } from './context.js';
import { openDatabase } from './db/client.js';
import { FaultStore } from './faults.js';
import { RateLimiter } from './rate-limit.js';
import { resolveOptions, type ResolvedSandboxOptions, type SandboxOptions } from './settings.js';
import { loadInstance } from './store/instance.js';
import { TemplateRegistry } from './templates.js';
import { ConfigValidator } from './validation.js';

export { readSandboxOptions, DEFAULTS as SANDBOX_DEFAULTS } from './settings.js';
export type { SandboxOptions, ResolvedSandboxOptions } from './settings.js';

export interface Sandbox {
  /** The API as a fetch handler, to mount in a host server; pass @hono/node-server's `env` so faults can drop connections. */
  fetch(request: Request, env?: unknown): Promise<Response>;
  close(): Promise<void>;
  options: ResolvedSandboxOptions;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  // The catalog is read first: a broken definition should fail before the data directory gets locked.
  const catalog = loadCatalog(resolved.catalogDirs);
  const db = await openDatabase(resolved.dataDir);
  let deps: Deps;
  try {
    deps = {
      options: resolved,
      db,
      instance: await loadInstance(db.pg),
      templates: new TemplateRegistry(db, catalog),
      validator: new ConfigValidator(),
      limiter: new RateLimiter(resolved.rateLimit),
      faults: new FaultStore(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
  const app = buildApp(deps);
  let closing: Promise<void> | undefined;
  return {
    options: resolved,
    fetch: async (request, env) => app.fetch(request, (env ?? {}) as Bindings),
    close: () => (closing ??= db.close()),
  };
}

/** Creates a sandbox and serves it over HTTP on host:port (port 0 picks a free port). */
export async function startSandbox(options: SandboxOptions & { host?: string; port?: number } = {}): Promise<RunningSandbox> {
  const { host = '127.0.0.1', port = 8080, ...sandboxOptions } = options;
  const sandbox = await createSandbox(sandboxOptions);
  const server = serve({ fetch: sandbox.fetch, hostname: host, port });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await sandbox.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`Port ${port} on ${host} is already in use; set PORT to another port (or 0 for any free one)`);
    throw error;
  }
  const { port: actualPort } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open indefinitely.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await sandbox.close();
      })()),
  };
}
