// What every route and middleware shares: the Hono environment and the sandbox's services.
import type { Database } from './db/client.js';
import type { FaultStore } from './faults.js';
import type { RateLimiter, RateLimitState } from './rate-limit.js';
import type { ResolvedSandboxOptions } from './settings.js';
import type { Instance } from './store/instance.js';
import type { Workspace } from './store/workspaces.js';
import type { TagFilter } from './tags.js';
import type { TemplateRegistry } from './templates.js';
import type { ConfigValidator } from './validation.js';

/** Who is calling, decided once per request from the Authorization header. */
export type Auth =
  | { kind: 'anonymous' }
  | { kind: 'invalid'; detail: string }
  | { kind: 'operator'; organizationId: string; operatorId: string }
  | {
      kind: 'end_user';
      organizationId: string;
      workspace: Workspace;
      allowedOrigin?: string;
      sourceTemplates: TagFilter;
      connectionTemplates: TagFilter;
    };

/** What @hono/node-server passes as `env`; absent when the app is called directly. */
export interface Bindings {
  incoming?: { socket?: { destroy(): void } };
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: { auth: Auth; rateLimit: RateLimitState };
}

export interface Deps {
  options: ResolvedSandboxOptions;
  db: Database;
  instance: Instance;
  templates: TemplateRegistry;
  validator: ConfigValidator;
  limiter: RateLimiter;
  faults: FaultStore;
}
