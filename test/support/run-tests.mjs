// `npm test`: build, then every Node test (unit, sandbox HTTP, end to end), then every browser test, and
// a closing line with the totals of both.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './find-chromium.mjs';

process.env.CHROME_PATH = ensureChromium();
rmSync('.test-results', { recursive: true, force: true });

function run(script, args = []) {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], { stdio: 'inherit', env: process.env });
  return result.status === 0;
}
function counts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

const built = run('build');
const nodeOk = built && run('test:node');
const browserOk = built && run('test:browser');
const node = counts('.test-results/node.json');
const browser = counts('.test-results/wtr.json');
const total = {
  passed: node.passed + browser.passed,
  failed: node.failed + browser.failed + (built ? 0 : 1),
  skipped: node.skipped + browser.skipped,
};
console.log(`\nnode: ${node.passed} passed, ${node.failed} failed, ${node.skipped} skipped`);
console.log(`browser: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(built && nodeOk && browserOk && total.failed === 0 ? 0 : 1);
