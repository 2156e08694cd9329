import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readToken } from '../../src/token/session.js';
import { TokenError } from '../../src/token/token-error.js';

const workspaceId = '9a9a9a9a-0000-4000-8000-000000000001';

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
function jwt(claims: Record<string, unknown>): string {
  return `${b64url('{"alg":"HS256"}')}.${b64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;
}
const inAnHour = Math.floor(Date.now() / 1000) + 3600;
const scoped = jwt({ exp: inAnHour, 'io.airbyte.auth.workspace_scope': { workspaceId } });
const widgetUrl = `https://app.example.test/embedded-widget?workspaceId=${workspaceId}&allowedOrigin=https%3A%2F%2Fhost.test`;

function expectTokenError(input: string, code: string) {
  assert.throws(() => readToken(input), (error: unknown) => error instanceof TokenError && error.code === code);
}

describe('readToken', () => {
  it('reads a standard base64 widget token with padding', () => {
    const token = Buffer.from(JSON.stringify({ token: scoped, widgetUrl })).toString('base64');
    assert.ok(token.endsWith('=') || token.length % 4 === 0);
    const session = readToken(token);
    assert.equal(session.jwt, scoped);
    assert.equal(session.workspaceId, workspaceId);
    assert.equal(session.expiresAt, inAnHour * 1000);
  });

  it('reads base64url without padding, and surrounding whitespace', () => {
    const token = `  ${Buffer.from(JSON.stringify({ token: scoped, widgetUrl: 'x' })).toString('base64url')}\n`;
    assert.equal(readToken(token).jwt, scoped);
  });

  it('reads a bare scoped JWT', () => {
    assert.deepEqual(readToken(scoped), { jwt: scoped, workspaceId, expiresAt: inAnHour * 1000 });
  });

  it("falls back to the widgetUrl's workspaceId when the JWT has no workspace scope", () => {
    const bare = jwt({ exp: inAnHour });
    const token = Buffer.from(JSON.stringify({ token: bare, widgetUrl })).toString('base64');
    assert.equal(readToken(token).workspaceId, workspaceId);
  });

  it('leaves the workspace unknown when neither says (the element then asks the API)', () => {
    assert.equal(readToken(jwt({ exp: inAnHour })).workspaceId, undefined);
  });

  it('decodes UTF-8 payloads', () => {
    const token = Buffer.from(JSON.stringify({ token: scoped, widgetUrl: 'https://ex.test/é' })).toString('base64');
    assert.equal(readToken(token).jwt, scoped);
  });

  it('rejects garbage, JSON without a token, and a token that is not a JWT, as invalid_token', () => {
    expectTokenError('not a token!', 'invalid_token');
    expectTokenError('', 'invalid_token');
    expectTokenError(Buffer.from('{"widgetUrl":"x"}').toString('base64'), 'invalid_token');
    expectTokenError(Buffer.from('[1,2]').toString('base64'), 'invalid_token');
    expectTokenError(Buffer.from(JSON.stringify({ token: 'abc', widgetUrl })).toString('base64'), 'invalid_token');
    expectTokenError(`${b64url('{}')}.${b64url('not json')}.x`, 'invalid_token');
  });

  it('rejects an expired JWT as token_expired, without the token in the message', () => {
    const expired = jwt({ exp: Math.floor(Date.now() / 1000) - 5 });
    assert.throws(
      () => readToken(expired),
      (error: unknown) => error instanceof TokenError && error.code === 'token_expired' && !error.message.includes(expired),
    );
  });
});
