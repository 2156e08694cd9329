// Identifiers: random ones for rows, name-based ones (UUID v5) for things that must stay the same across restarts.
import { createHash, randomUUID } from 'node:crypto';

// The namespace of every name-based id the sandbox derives; fixed forever so ids never change.
const SANDBOX_NAMESPACE = 'a7d3c1e2-5b4f-4e8a-9c6d-2f1b0e9d8c7a';

export const newId = (): string => randomUUID();

/** A name-based UUID (version 5, RFC 9562): the same name always gives the same id. */
export function nameBasedId(name: string): string {
  const namespace = Buffer.from(SANDBOX_NAMESPACE.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
