/** The one error type the token client throws. `status` is the HTTP status, or undefined when no response came. */
export class TokenClientError extends Error {
  readonly status: number | undefined;

  constructor(message: string, status?: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TokenClientError';
    this.status = status;
  }
}

interface ValidationIssue {
  loc?: unknown[];
  msg?: unknown;
  message?: unknown;
}

/** Reads FastAPI-style `{detail}` (a string or a list of issues) or `{message}` into one readable line. */
export function describeErrorBody(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { detail, message } = body as { detail?: unknown; message?: unknown };
  if (typeof detail === 'string' && detail) return detail;
  if (Array.isArray(detail) && detail.length > 0) return detail.map(describeIssue).join('; ');
  if (typeof message === 'string' && message) return message;
  return undefined;
}

function describeIssue(issue: unknown): string {
  if (typeof issue === 'string') return issue;
  const { loc, msg, message } = (issue ?? {}) as ValidationIssue;
  const text = typeof msg === 'string' ? msg : typeof message === 'string' ? message : JSON.stringify(issue);
  const where = Array.isArray(loc) ? loc.filter((part) => part !== 'body').join('.') : '';
  return where ? `${where}: ${text}` : text;
}

// Base64 of a JSON object (`{"…`) starts with "eyJ": that covers JWTs and encoded widget tokens alike.
const TOKEN_PATTERN = /eyJ[\w+/=.-]{8,}/g;

// Shorter "secrets" (test values like "b") would blank out ordinary words rather than protect anything.
const MIN_SECRET_LENGTH = 6;

/** Removes the given secrets, and anything that looks like a token, from text that goes into an error message. */
export function redact(text: string, secrets: readonly string[]): string {
  let clean = text.replace(TOKEN_PATTERN, '[redacted]');
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) clean = clean.split(secret).join('[redacted]');
  }
  return clean;
}
