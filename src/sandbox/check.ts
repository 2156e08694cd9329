// The connection check. The sandbox never opens a connection to anything a user typed; outcomes are decided
// by marker values in the config so tests and demos can produce each one on purpose.
import { isObject, type JsonValue } from './json.js';

export interface CheckResult {
  status: 'succeeded' | 'failed';
  message?: string;
}

/** The markers, scanned in every string value of the merged config. */
export const CHECK_MARKERS = {
  wrongPassword: 'wrong-password', // exact value → authentication failure
  unreachableHost: 'unreachable.example', // anywhere in a value → connection timeout
  slow: 'slow', // exact value → the check takes slowCheckMs, then succeeds
} as const;

export async function runCheck(config: JsonValue, slowCheckMs: number): Promise<CheckResult> {
  const values = strings(config);
  if (values.includes(CHECK_MARKERS.slow)) await new Promise((resolve) => setTimeout(resolve, slowCheckMs));
  if (values.some((value) => value.includes(CHECK_MARKERS.unreachableHost))) {
    return {
      status: 'failed',
      message: `Could not connect to ${CHECK_MARKERS.unreachableHost}: the host did not respond (connection timed out).`,
    };
  }
  if (values.includes(CHECK_MARKERS.wrongPassword)) {
    // Deliberately says nothing about which value was wrong: a check message must never echo a secret.
    return { status: 'failed', message: 'Authentication failed: the credentials were rejected by the server.' };
  }
  return { status: 'succeeded', message: 'Connection succeeded' };
}

function strings(value: JsonValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}
