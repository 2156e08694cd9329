// A web-test-runner reporter that records {passed, failed, skipped} in .test-results/wtr.json and prints the
// plain count line last. A session whose test file failed to load counts as one failure; no test at all fails.
import { mkdirSync, writeFileSync } from 'node:fs';

function walk(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) counts[test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed']++;
  for (const child of suite.suites ?? []) walk(child, counts);
}

export function countReporter() {
  let last = null;
  return {
    start() {
      process.once('exit', () => {
        if (!last) return;
        mkdirSync('.test-results', { recursive: true });
        writeFileSync('.test-results/wtr.json', JSON.stringify(last));
        process.stdout.write(`wtr: ${last.passed} passed, ${last.failed} failed, ${last.skipped} skipped\n`);
      });
    },
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        walk(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed++;
      }
      if (counts.passed + counts.failed === 0) counts.failed++;
      last = counts;
    },
  };
}
