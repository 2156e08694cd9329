// What every end-to-end file starts with: the built widget present, the demo host app on 127.0.0.1 (its sandbox
// in memory, no rate limit, instant checks) and Debian's headless Chromium. Closed together.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../demo/server.js';
import type { SandboxOptions } from '../../src/sandbox/index.js';
import { chromiumArgs, chromiumPath } from './find-chromium.mjs';

export interface EndToEnd {
  readonly demo: DemoServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

const BUILT = ['dist/airbyte-connect.js', 'dist/define.js', 'dist/airbyte-connect.iife.js', 'dist/airbyte-connect-loader.js'];

export async function startEndToEnd(sandboxOptions: Partial<SandboxOptions> = {}): Promise<EndToEnd> {
  for (const file of BUILT) assert.ok(existsSync(file), `${file} is missing: run \`npm run build\` first (npm test does)`);
  const executablePath = chromiumPath();
  assert.ok(executablePath, "Chromium not found: install Debian's chromium or set CHROME_PATH");
  const demo = await startDemoServer({
    host: '127.0.0.1',
    port: 0,
    sandboxOptions: { dataDir: 'memory', rateLimit: 1_000_000, slowCheckMs: 0, ...sandboxOptions },
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  return {
    demo,
    browser,
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}

/** A POST to the demo's sandbox as the operator (its application token in `token`, once it has one); the JSON answer. */
export async function operatorPost(demo: DemoServer, path: string, body: unknown, token?: string): Promise<Record<string, string>> {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, `${path}: ${response.status}`);
  return response.json() as Promise<Record<string, string>>;
}
