export function staticClosure(distDir: string, entry: string): string[];
export function gzipSize(distDir: string, file: string): number;
