import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { TokenKeeper } from '../../src/token/token-keeper.js';

const DAY = 86_400_000;
const b64url = (text: string) => Buffer.from(text).toString('base64url');
/** A bare scoped JWT that expires `ms` from now. */
const jwt = (ms: number) =>
  `${b64url('{"alg":"HS256"}')}.${b64url(JSON.stringify({ exp: Math.floor((Date.now() + ms) / 1000), 'io.airbyte.auth.workspace_scope': { workspaceId: 'w' } }))}.c2ln`;

describe('TokenKeeper', () => {
  it('says a static token is expiring a minute before it does, however far away that is (past the longest timer)', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() });
    const expiring = mock.fn();
    const keeper = new TokenKeeper(() => ({}), expiring);
    keeper.set(jwt(30 * DAY));
    t.mock.timers.tick(1000);
    assert.equal(expiring.mock.callCount(), 0, 'not at once');
    t.mock.timers.tick(30 * DAY - 62_000);
    assert.equal(expiring.mock.callCount(), 0, 'not before the last minute');
    t.mock.timers.tick(2000);
    assert.equal(expiring.mock.callCount(), 1);
    keeper.pause();
  });

  it('does not fire at once for a far expiry, on real timers either', async () => {
    const expiring = mock.fn();
    const keeper = new TokenKeeper(() => ({}), expiring);
    keeper.set(jwt(40 * DAY));
    await new Promise((resolve) => setTimeout(resolve, 50));
    keeper.pause();
    assert.equal(expiring.mock.callCount(), 0);
  });
});
