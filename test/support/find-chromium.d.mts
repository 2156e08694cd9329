export function chromiumPath(): string | undefined;
export function ensureChromium(): string;
export const chromiumArgs: string[];
