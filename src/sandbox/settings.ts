// The sandbox's options, their defaults, and how they are read from the environment.
import { delimiter } from 'node:path';

export interface SandboxOptions {
  /** Directory holding the database, or 'memory' for a throw-away one. */
  dataDir?: string;
  /** Extra catalog directories, loaded after the built-in one; a file name seen again replaces the earlier definition. */
  catalogDirs?: string[];
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of scoped and widget tokens. */
  tokenTtlSeconds?: number;
  /** Requests per organisation per one-hour window before 429. */
  rateLimit?: number;
  /** How long a check of a config containing the value "slow" takes. */
  slowCheckMs?: number;
  /** Base of widgetUrl and of the tokens' issuer; default: the origin the request came in on. */
  publicUrl?: string;
  /** How long an OAuth sign-in may take from consent-url to complete (sandbox extension). */
  oauthStateTtlMs?: number;
}

export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, 'publicUrl'>> & { publicUrl?: string };

export const DEFAULTS = {
  dataDir: '.sandbox-data',
  clientId: 'sandbox-client-id',
  clientSecret: 'sandbox-client-secret',
  tokenTtlSeconds: 1200,
  rateLimit: 1000,
  slowCheckMs: 3000,
  oauthStateTtlMs: 10 * 60 * 1000,
} as const;

export function resolveOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const resolved: ResolvedSandboxOptions = {
    dataDir: options.dataDir || DEFAULTS.dataDir,
    catalogDirs: options.catalogDirs ?? [],
    clientId: options.clientId || DEFAULTS.clientId,
    clientSecret: options.clientSecret || DEFAULTS.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
    slowCheckMs: options.slowCheckMs ?? DEFAULTS.slowCheckMs,
    publicUrl: options.publicUrl?.replace(/\/+$/, '') || undefined,
    oauthStateTtlMs: options.oauthStateTtlMs ?? DEFAULTS.oauthStateTtlMs,
  };
  requirePositiveInteger('tokenTtlSeconds', resolved.tokenTtlSeconds);
  requirePositiveInteger('rateLimit', resolved.rateLimit);
  if (!Number.isInteger(resolved.slowCheckMs) || resolved.slowCheckMs < 0) {
    throw new Error(`slowCheckMs must be a whole number of milliseconds (0 or more), got ${resolved.slowCheckMs}`);
  }
  if (!Number.isSafeInteger(resolved.oauthStateTtlMs) || resolved.oauthStateTtlMs < 0) {
    throw new Error(`oauthStateTtlMs must be a whole number of milliseconds (0 or more), got ${resolved.oauthStateTtlMs}`);
  }
  if (resolved.publicUrl !== undefined) parseHttpUrl('publicUrl', resolved.publicUrl);
  return resolved;
}

/**
 * Reads the options from environment variables (see PRODUCT.md). Empty variables count as unset.
 * Extensions beyond PRODUCT.md: SANDBOX_SLOW_CHECK_MS, SANDBOX_PUBLIC_URL and SANDBOX_OAUTH_STATE_TTL_MS.
 */
export function readSandboxOptions(env: NodeJS.ProcessEnv = process.env): SandboxOptions {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const options: SandboxOptions = {
    dataDir: value('SANDBOX_DATA_DIR') ?? DEFAULTS.dataDir,
    catalogDirs: (value('SANDBOX_CATALOG') ?? '').split(delimiter).filter(Boolean),
    clientId: value('SANDBOX_CLIENT_ID') ?? DEFAULTS.clientId,
    clientSecret: value('SANDBOX_CLIENT_SECRET') ?? DEFAULTS.clientSecret,
    tokenTtlSeconds: readInteger(env, 'SANDBOX_TOKEN_TTL_SECONDS', DEFAULTS.tokenTtlSeconds, 1, 'seconds'),
    rateLimit: readInteger(env, 'SANDBOX_RATE_LIMIT', DEFAULTS.rateLimit, 1, 'requests per hour'),
    slowCheckMs: readInteger(env, 'SANDBOX_SLOW_CHECK_MS', DEFAULTS.slowCheckMs, 0, 'milliseconds'),
  };
  // An extension, read only when set: an empty environment still gives exactly the options PRODUCT.md documents.
  if (value('SANDBOX_OAUTH_STATE_TTL_MS') !== undefined) {
    options.oauthStateTtlMs = readInteger(env, 'SANDBOX_OAUTH_STATE_TTL_MS', DEFAULTS.oauthStateTtlMs, 0, 'milliseconds');
  }
  const publicUrl = value('SANDBOX_PUBLIC_URL');
  if (publicUrl !== undefined) {
    parseHttpUrl('SANDBOX_PUBLIC_URL', publicUrl);
    options.publicUrl = publicUrl;
  }
  return options;
}

/** Reads a whole number of at least `min`; anything else is an error that names the variable. */
export function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, unit: string): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    throw new Error(`${name} must be a whole number of ${unit}${min > 0 ? ` (at least ${min})` : ''}, got "${raw}"`);
  }
  return parsed;
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got ${value}`);
}

function parseHttpUrl(name: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`${name} must be an http(s) URL such as http://localhost:8080, got "${value}"`);
  }
  return url;
}
