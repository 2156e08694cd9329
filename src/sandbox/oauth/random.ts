// Unguessable strings for OAuth request ids, codes and pretend secrets (crypto randomness, URL-safe).
import { randomBytes } from 'node:crypto';

/** `bytes` random bytes as base64url: 32 bytes give 43 characters of [A-Za-z0-9_-]. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
