// A node:test reporter that writes {passed, failed, skipped} of leaf tests to its destination as JSON.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that fails outside its tests (a throwing hook or import) must still count.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') counts.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}
