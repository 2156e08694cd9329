// Retained JS heap after 100 mount/unmount cycles and 100 dialog open/close cycles, read over a CDP session:
// garbage collected (HeapProfiler.collectGarbage, twice, so that finalisers' garbage goes too) and then
// Runtime.getHeapUsage, before and after the cycles. Warm-up cycles come first so that compiled code, style
// sheets and caches that live once per page are in the "before". The reference is the same cycles done with
// plain DOM (a panel of as many buttons; a native <dialog>), which retains next to nothing.

export const HEAP_SETTINGS = { cycles: 100, warmups: 10 };

export async function runHeapBench(page, settings = HEAP_SETTINGS) {
  const cdp = await page.context().newCDPSession(page);
  const usedHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const measure = async (warm, cycles) => {
    await warm();
    const before = await usedHeap();
    await cycles();
    const after = await usedHeap();
    return { before, after, retained: after - before, perCycle: Math.round((after - before) / settings.cycles), ratio: Math.round((after / before) * 1000) / 1000 };
  };
  const templates = await page.evaluate(() => window.reference.templateCount());
  const n = settings.cycles;
  const w = settings.warmups;
  try {
    process.stderr.write(`bench: heap, ${n} mount/unmount and ${n} dialog open/close cycles, and plain DOM\n`);
    const mount = await measure(
      () => page.evaluate((count) => window.bench.mountCycles(count), w),
      async () => {
        const left = await page.evaluate((count) => window.bench.mountCycles(count), n);
        if (left !== 0) throw new Error(`${left} elements left on the stage after the mount cycles`);
      },
    );
    const dialog = await measure(
      () => page.evaluate((count) => window.bench.dialogCycles(count), w),
      () => page.evaluate((count) => window.bench.dialogCycles(count), n),
    );
    await page.evaluate(() => window.bench.closeDialogWidget());
    const plainMount = await measure(
      () => page.evaluate(([count, buttons]) => window.reference.plainMountCycles(count, buttons), [w, templates]),
      () => page.evaluate(([count, buttons]) => window.reference.plainMountCycles(count, buttons), [n, templates]),
    );
    const plainDialog = await measure(
      () => page.evaluate((count) => window.reference.plainDialogCycles(count), w),
      () => page.evaluate((count) => window.reference.plainDialogCycles(count), n),
    );
    return { settings, templates, mountUnmount: { widget: mount, plainDom: plainMount }, dialogOpenClose: { widget: dialog, plainDom: plainDialog } };
  } finally {
    await cdp.detach();
  }
}
