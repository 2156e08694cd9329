// Keystroke → validation message shown: a real key press (Playwright's keyboard, so the browser creates trusted
// key events) in Postgres's Port field that takes it out of bounds, timed from the keydown's timestamp until the
// message is in the DOM and painted; side by side with the floor, a plain input whose handler writes a message.
import { ratios, statsOf } from './stats.mjs';

export const KEYSTROKE_SETTINGS = { runs: 50, warmups: 3, spec: 'source-postgres', title: 'Port', before: '7000', key: '0', max: 65535 };

export async function runKeystrokeBench(page, specs, settings = KEYSTROKE_SETTINGS) {
  const spec = specs.find((s) => s.key === settings.spec);
  if (!spec) throw new Error(`keystroke bench: ${settings.spec} is not in the corpus`);
  process.stderr.write(`bench: keystroke → message × ${settings.runs}, and the plain input\n`);
  await page.evaluate(([id, title]) => window.bench.openKeystrokeForm(id, title), [spec.templateId, settings.title]);
  await page.evaluate((max) => window.reference.openPlainKeystroke(max), settings.max);
  const widget = [];
  const plain = [];
  let message;
  try {
    for (let i = 0; i < settings.warmups + settings.runs; i++) {
      await page.evaluate((before) => window.bench.armKeystroke(before), settings.before);
      await page.keyboard.press(settings.key);
      const ours = await page.evaluate(() => window.bench.keystrokeResult());
      message = ours.message;
      await page.evaluate((before) => window.reference.armPlainKeystroke(before), settings.before);
      await page.keyboard.press(settings.key);
      const floor = await page.evaluate(() => window.reference.plainKeystrokeResult());
      if (i >= settings.warmups) {
        widget.push(ours);
        plain.push(floor);
      }
    }
  } finally {
    await page.evaluate(() => (window.bench.closeKeystrokeForm(), window.reference.closePlainKeystroke()));
  }
  const summary = {
    method: `${settings.spec} "${settings.title}": "${settings.before}" then the key "${settings.key}"; keydown timeStamp → error element in the DOM (MutationObserver) / → painted`,
    message,
    widget: { toDom: statsOf(widget, 'toDom'), painted: statsOf(widget, 'painted'), inputDelay: statsOf(widget, 'inputDelay') },
    plainDom: { toDom: statsOf(plain, 'toDom'), painted: statsOf(plain, 'painted'), inputDelay: statsOf(plain, 'inputDelay') },
    samples: widget.map(({ toDom, painted, inputDelay }) => ({ toDom, painted, inputDelay })),
  };
  summary.ratios = { painted: ratios(summary.widget.painted, summary.plainDom.painted), toDom: ratios(summary.widget.toDom, summary.plainDom.toDom) };
  return summary;
}
