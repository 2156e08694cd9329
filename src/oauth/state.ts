/** A fresh OAuth `state`: 32 random bytes as base64url (43 characters), unguessable, used once. */
export const createState = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
