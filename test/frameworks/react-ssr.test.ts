// `airbyte-connect/react` on a server: importing it touches no window or document, and React renders the
// bare tag (the element renders itself in the browser, where the props are set as properties on hydration).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as React from 'react';
import { renderToString } from 'react-dom/server';

describe('airbyte-connect/react in Node', () => {
  it('imports without a DOM, registers the element in Lit’s server registry, and server-renders the tag', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');

    const { AirbyteConnect, AirbyteConnectElement } = await import('../../src/react/index.js');

    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.equal(customElements.get('airbyte-connect'), AirbyteConnectElement);

    const html = renderToString(
      React.createElement(AirbyteConnect, {
        tokenUrl: '/api/airbyte-token',
        tokenProvider: () => Promise.resolve('never called on the server'),
        onSourceCreated: () => assert.fail('no event on the server'),
      }),
    );
    assert.equal(html, '<airbyte-connect></airbyte-connect>');
  });
});
