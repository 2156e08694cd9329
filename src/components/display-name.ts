/** Longer names are shortened for display: real names are far shorter, and a huge one must not stall layout. */
const MAX_NAME_LENGTH = 120;

export function displayName(name: string): string {
  return name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1)}…` : name;
}
