import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, ensureChromium } from './test/support/find-chromium.mjs';
import { countReporter } from './test/support/wtr-count-reporter.mjs';
import { corpusPlugin } from './test/support/corpus-plugin.mjs';
import { frameworksPlugin } from './test/frameworks/frameworks-plugin.mjs';
import { sandboxPlugin } from './test/support/sandbox-plugin.mjs';
import { oauthPopupPlugin } from './test/oauth/popup-plugin.mjs';

export default {
  files: 'test/**/*.browser.test.ts',
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    sandboxPlugin(),
    corpusPlugin(),
    frameworksPlugin(),
    oauthPopupPlugin(),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: ensureChromium(), headless: true, args: chromiumArgs } }),
  ],
  testFramework: { config: { timeout: 15000 } },
  reporters: [defaultReporter(), countReporter()],
};
