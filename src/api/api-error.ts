import type { ValuePath } from '../spec/model.js';

/** What went wrong with a call, as a closed set the UI turns into words. */
export type ApiErrorCode =
  | 'network_error'
  | 'timeout'
  | 'bad_request'
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

/**
 * The code of an error status; any other 5xx is `server_error`, any other 4xx `bad_request`. A 401 reaches the
 * caller only after a fresh token was refused too: the session is over.
 */
const BY_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  401: 'token_expired',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  422: 'validation_error',
  429: 'rate_limited',
};

export const codeForStatus = (status: number): ApiErrorCode => BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'bad_request');
