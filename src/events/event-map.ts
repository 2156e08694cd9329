import type { Source } from '../api/schemas.js';

/** The envelope Airbyte's own widget posts to its host, kept for drop-in compatibility. */
export type AirbyteEnvelope =
  | { type: 'end_user_action_result'; message: 'source_created' | 'source_updated'; data: Source }
  | {
      type: 'end_user_action_result';
      message: 'source_create_error' | 'source_update_error';
      error: { name: string; message: string };
    };

export interface AirbyteErrorDetail {
  /** e.g. `invalid_token`, `token_expired`, `network_error`, `validation_error`, `check_failed`. */
  code: string;
  message: string;
  operation?: string;
  status?: number;
  envelope?: AirbyteEnvelope;
}

/** Every event `<airbyte-connect>` dispatches, with its detail. All bubble and cross shadow roots. */
export interface AirbyteConnectEventDetails {
  'airbyte-ready': { templates: number; sources: number };
  'airbyte-template-select': { templateId: string };
  'airbyte-check': { status: 'succeeded' | 'failed'; message?: string };
  'airbyte-source-created': { source: Source; envelope: AirbyteEnvelope };
  'airbyte-source-updated': { source: Source; envelope: AirbyteEnvelope };
  'airbyte-source-deleted': { sourceId: string };
  'airbyte-error': AirbyteErrorDetail;
  'airbyte-token-expired': Record<string, never>;
  /** Extension: a static token ends within a minute and no token source can renew it; `updateToken()` now. */
  'airbyte-token-expiring': { expiresAt: number };
  'airbyte-close': Record<string, never>;
}

export type AirbyteConnectEventMap = {
  [K in keyof AirbyteConnectEventDetails]: CustomEvent<AirbyteConnectEventDetails[K]>;
};

declare global {
  interface HTMLElementEventMap extends AirbyteConnectEventMap {}
}

export function emit<K extends keyof AirbyteConnectEventDetails>(
  target: EventTarget,
  type: K,
  detail: AirbyteConnectEventDetails[K],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
