/** Why a token could not be used. Never carries the token itself. */
export type TokenErrorCode = 'invalid_token' | 'token_expired';

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}
