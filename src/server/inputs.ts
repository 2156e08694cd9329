// Input checks that run before any request, so a mistake in the host's code fails loudly and locally.
import { TokenClientError } from './token-client-error.js';

export const DEFAULT_BASE_URL = 'https://api.airbyte.ai';

/** Accepts `https://host`, `https://host/` or `https://host/api/v1` and returns `https://host` (plus any path prefix). */
export function normalizeBaseUrl(baseUrl: string | undefined): string {
  const raw = (baseUrl ?? DEFAULT_BASE_URL).trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TokenClientError(`baseUrl must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TokenClientError(`baseUrl must use http or https, got "${url.protocol}"`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return `${url.origin}${path}`;
}

export function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TokenClientError(`${name} is required and must be a non-empty string`);
  }
  return value;
}

/** Airbyte wants the exact origin: scheme, host and port, with no path and no trailing slash. */
export function requireOrigin(value: unknown): string {
  const text = requireText(value, 'allowedOrigin');
  let origin: string | undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
  } catch {
    // reported below
  }
  if (origin !== text) {
    const hint = origin ? ` (did you mean "${origin}"?)` : '';
    throw new TokenClientError(`allowedOrigin must be an origin like "https://app.example.com", got "${text}"${hint}`);
  }
  return origin;
}

export function optionalTags(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string')) {
    throw new TokenClientError(`${name} must be an array of strings`);
  }
  return value;
}

export function optionalMode(value: unknown, name: string): 'any' | 'all' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'any' && value !== 'all') throw new TokenClientError(`${name} must be "any" or "all"`);
  return value;
}

export function optionalText(value: unknown, name: string): string | undefined {
  return value === undefined ? undefined : requireText(value, name);
}
