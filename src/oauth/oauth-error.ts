/** Why a sign-in did not finish, as a closed set the UI turns into words (`auth.<reason>`). */
export type OAuthFailure = 'blocked' | 'closed' | 'denied' | 'expired' | 'timeout' | 'failed';

export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly reason: OAuthFailure,
    cause?: unknown,
  ) {
    super(`oauth: ${reason}`, { cause });
  }
}

/** An OAuth `error` code (from the provider's redirect or the API's 400 body) as a failure reason. */
export const failureFor = (code: unknown): OAuthFailure =>
  code == 'invalid_state' ? 'expired' : code == 'access_denied' ? 'denied' : 'failed';

/**
 * Any failure of a sign-in as an OAuthError. An ApiError's `reason` is the 400 body's `error`; read by name, not by
 * class, so that this chunk needs nothing from the main bundle (the single-file build fetches it on its own).
 */
export const asOAuthError = (error: unknown): OAuthError =>
  error instanceof OAuthError ? error : new OAuthError(failureFor((error as { reason?: unknown } | null)?.reason), error);
