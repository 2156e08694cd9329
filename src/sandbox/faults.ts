// Fault injection (a sandbox test extension): operators make chosen requests fail, stall, or lose their
// connection, before or after the sandbox really handles them. Faults live in memory only.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { newId } from './ids.js';

export interface FaultInput {
  /** An exact path such as "/api/v1/embedded/sources", or a prefix ending in "*". */
  path: string;
  method?: string;
  /** Only requests whose scoped token belongs to this workspace. */
  workspace_name?: string;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delay_ms?: number;
  /** Destroy the TCP connection without answering. */
  drop?: boolean;
  /** "after": handle the request for real, then replace (or drop) its answer. */
  when?: 'before' | 'after';
  times?: number;
}

export interface Fault extends FaultInput {
  id: string;
  organization_id: string;
  when: 'before' | 'after';
  /** How many more requests it will affect. */
  times: number;
}

/** Paths faults never touch, so a test can always list and clear them. */
const EXEMPT_PREFIX = '/api/v1/sandbox/';

export class FaultStore {
  private faults: Fault[] = [];

  add(organizationId: string, input: FaultInput): Fault {
    const fault: Fault = { ...input, id: newId(), organization_id: organizationId, when: input.when ?? 'before', times: input.times ?? 1 };
    this.faults.push(fault);
    return fault;
  }

  list(organizationId: string): Fault[] {
    return this.faults.filter((fault) => fault.organization_id === organizationId);
  }

  remove(organizationId: string, id?: string): number {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.organization_id !== organizationId || (id !== undefined && fault.id !== id));
    return before - this.faults.length;
  }

  /** Finds the first fault matching the request and uses up one of its times. */
  take(request: { organizationId: string; workspaceName?: string; method: string; path: string }): Fault | undefined {
    if (request.path.startsWith(EXEMPT_PREFIX)) return undefined;
    const fault = this.faults.find(
      (candidate) =>
        candidate.organization_id === request.organizationId &&
        (candidate.method === undefined || candidate.method.toUpperCase() === request.method) &&
        (candidate.workspace_name === undefined || candidate.workspace_name === request.workspaceName) &&
        pathMatches(candidate.path, request.path),
    );
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return { ...fault };
  }
}

const pathMatches = (pattern: string, path: string): boolean =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

/** Applies faults to authenticated requests of the fault's organisation (and workspace, when given). */
export function injectFaults(store: FaultStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    if (auth.kind !== 'operator' && auth.kind !== 'end_user') return next();
    const fault = store.take({
      organizationId: auth.organizationId,
      workspaceName: auth.kind === 'end_user' ? auth.workspace.name : undefined,
      method: c.req.method,
      path: c.req.path,
    });
    if (!fault) return next();
    const after = fault.when === 'after';
    if (after) await next();
    if (fault.delay_ms) await new Promise((resolve) => setTimeout(resolve, fault.delay_ms));
    const answer = fault.drop ? drop(c) : fault.status !== undefined ? injectedAnswer(fault) : undefined;
    if (!answer) return after ? undefined : next();
    if (!after) return answer;
    c.res = undefined; // replace the real answer outright instead of merging its headers into ours
    c.res = answer;
  };
}

function injectedAnswer(fault: Fault): Response {
  const status = fault.status!;
  const empty = status === 204 || status === 205 || status === 304;
  const body = empty ? null : JSON.stringify(fault.body === undefined ? { detail: `Injected fault (status ${status})` } : fault.body);
  const headers = new Headers(fault.headers);
  if (body !== null && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(body, { status, headers });
}

/** Destroys the client's connection; when there is no socket (called in-process), answers 503 instead. */
function drop(c: Context<AppEnv>): Response {
  const socket = c.env?.incoming?.socket;
  if (socket) {
    socket.destroy();
    return new Response(null, { status: 500 });
  }
  return c.json({ detail: 'Injected fault: the connection would have been dropped, but there is no socket to drop' }, 503);
}
