import type { FieldIssue } from './api-error.js';

/** Keys in an error location that name the config itself; what follows them is a path into it. */
const CONFIG_KEYS = new Set(['source_config', 'connection_configuration', 'configuration']);
const MAX_DETAIL = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, MAX_DETAIL) : undefined;
}

/** A location such as ["body","source_config","port"] or "body.source_config.port" → ["port"]. */
function configPath(location: unknown): (string | number)[] | undefined {
  const parts = Array.isArray(location)
    ? location
    : typeof location === 'string'
      ? location.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
      : undefined;
  if (!parts?.every((part) => typeof part === 'string' || typeof part === 'number')) return undefined;
  const start = (parts[0] === 'body' ? 1 : 0) + 1;
  return CONFIG_KEYS.has(String(parts[start - 1])) && start < parts.length ? parts.slice(start) : undefined;
}

/**
 * Reads both documented error shapes: FastAPI's `{detail: string | [{loc, msg}]}` and the newer
 * `{message, errors: [{field, message}]}`. Returns readable text and the issues that name a config field.
 */
export function readErrorBody(body: unknown): { detail?: string; fieldIssues: FieldIssue[] } {
  if (!isRecord(body)) return { detail: text(body), fieldIssues: [] };
  const fieldIssues: FieldIssue[] = [];
  const unplaced: string[] = [];
  const entries = Array.isArray(body.detail) ? body.detail : Array.isArray(body.errors) ? body.errors : [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const message = text(entry.msg) ?? text(entry.message);
    if (!message) continue;
    const path = configPath(entry.loc ?? entry.field);
    if (path) fieldIssues.push({ path, message });
    else unplaced.push(message);
  }
  const detail = text(body.detail) ?? text(body.message) ?? (unplaced.length ? unplaced.join('; ') : undefined);
  return { detail: detail?.slice(0, MAX_DETAIL), fieldIssues };
}
