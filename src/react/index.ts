/**
 * `airbyte-connect/react`: `<AirbyteConnect>`, the element as a typed React component (made with `@lit/react`).
 * Every property of the element is a prop (`token`, `tokenUrl`, `tokenProvider`, `apiBaseUrl`, `mode`, `open`,
 * `theme`, `locale`, `templateId`, `sourceId`, `onEvent`), set on the element as a property; every event has an
 * `on…` prop that receives the `CustomEvent`; `ref` is the element (for `show()`, `updateToken()`, …).
 *
 * ```tsx
 * <AirbyteConnect tokenUrl="/api/airbyte-token" onSourceCreated={(event) => save(event.detail.source.id)} />
 * ```
 *
 * Importing it registers `<airbyte-connect>`. It touches no `window` or `document` on import, so server
 * rendering can import it; the element renders in the browser.
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import { AirbyteConnect as AirbyteConnectElement } from '../components/airbyte-connect.js';
import type { AirbyteConnectEventMap } from '../events/event-map.js';
import '../define.js';

/** Each `on…` prop and the event it listens to. */
const eventNames = {
  onReady: 'airbyte-ready',
  onTemplateSelect: 'airbyte-template-select',
  onCheck: 'airbyte-check',
  onSourceCreated: 'airbyte-source-created',
  onSourceUpdated: 'airbyte-source-updated',
  onSourceDeleted: 'airbyte-source-deleted',
  onError: 'airbyte-error',
  onTokenExpired: 'airbyte-token-expired',
  onTokenExpiring: 'airbyte-token-expiring',
  onClose: 'airbyte-close',
} as const satisfies Record<string, keyof AirbyteConnectEventMap>;

/** The `on…` props, each typed with its event: `onSourceCreated` receives `CustomEvent<{source, envelope}>`. */
export type AirbyteConnectEvents = {
  [Prop in keyof typeof eventNames]: EventName<AirbyteConnectEventMap[(typeof eventNames)[Prop]]>;
};

/** `<airbyte-connect>` as a React component. */
export const AirbyteConnect: ReactWebComponent<AirbyteConnectElement, AirbyteConnectEvents> = createComponent({
  react: React,
  tagName: 'airbyte-connect',
  elementClass: AirbyteConnectElement,
  events: eventNames as AirbyteConnectEvents,
  displayName: 'AirbyteConnect',
});

/** The props of `<AirbyteConnect>`, `ref` included. */
export type AirbyteConnectProps = React.ComponentProps<typeof AirbyteConnect>;

/** The element class, for refs: `useRef<AirbyteConnectElement>(null)`. */
export { AirbyteConnectElement };
export type {
  AirbyteConnectEventDetails,
  AirbyteConnectEventMap,
  AirbyteEnvelope,
  AirbyteErrorDetail,
} from '../events/event-map.js';
export type { Source } from '../api/schemas.js';
