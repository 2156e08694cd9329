import type { ValuePath } from '../spec/model.js';

/** What went wrong with a call, as a closed set the UI turns into words. */
export type ApiErrorCode =
  | 'network_error'
  | 'timeout'
  | 'bad_request'
  | 'unauthorized'
  | 'token_expired'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation_error'
  | 'rate_limited'
  | 'server_error'
  | 'invalid_response';

/** One server complaint about one field of `source_config`. */
export interface FieldIssue {
  readonly path: ValuePath;
  readonly message: string;
}

/** The operations the widget performs, named for error messages and events. */
export type ApiOperation =
  | 'list_source_templates'
  | 'get_source_template'
  | 'list_sources'
  | 'get_source'
  | 'create_source'
  | 'update_source'
  | 'delete_source'
  | 'check_source'
  | 'get_token_info'
  | 'oauth_consent_url'
  | 'complete_oauth';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    readonly operation: ApiOperation,
    /** The server's own explanation, untrusted text: render it as text only. */
    readonly detail?: string,
    readonly status?: number,
    readonly fieldIssues: readonly FieldIssue[] = [],
    /** The body's machine-readable `error` (OAuth: `invalid_state`, `access_denied`, `invalid_grant`). */
    readonly reason?: string,
  ) {
    super(`${operation}: ${detail ?? code}${status ? ` (HTTP ${status})` : ''}`);
  }
}

export function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 422) return 'validation_error';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}
