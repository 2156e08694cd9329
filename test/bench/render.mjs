// The timing half of `npm run bench`: the demo server (built widget under /dist/, sandbox API under /api/v1/,
// its catalog extended with the shared connector specs) on 127.0.0.1, driven by Debian's Chromium through
// playwright-core. Times are taken inside the page (page.js); this file only orchestrates and summarises.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { register } from 'tsx/esm/api';
import { chromiumArgs, chromiumPath } from '../support/find-chromium.mjs';
import { SHARED_SPECS_DIR, specFiles } from '../support/corpus-plugin.mjs';

register();

const PAGE_JS = fileURLToPath(new URL('./page.js', import.meta.url));
const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>airbyte-connect bench</title>
    <script type="module" src="/dist/define.js"></script>
    <script type="module" src="/__bench/page.js"></script>
  </head>
  <body><main id="stage"></main></body>
</html>`;

export const SETTINGS = {
  /** Timed opens of every spec. */
  runsPerSpec: 10,
  /** Timed opens of the largest spec (on top of nothing: its row uses these alone). */
  runsLargest: 50,
  /** Untimed opens before anything is timed, so the first samples do not pay for compiling the widget. */
  warmups: 3,
  keystrokeRuns: 50,
  keystrokeWarmups: 3,
  keystroke: { spec: 'source-postgres', title: 'Port', before: '7000', key: '0' },
};

/** Nearest-rank percentile of an unsorted list. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export function stats(values) {
  const round = (v) => Math.round(v * 10) / 10;
  return {
    runs: values.length,
    median: round(percentile(values, 0.5)),
    p95: round(percentile(values, 0.95)),
    max: round(Math.max(...values)),
    min: round(Math.min(...values)),
  };
}

function corpus() {
  return specFiles(SHARED_SPECS_DIR).map((file) => {
    const key = file.slice(0, -'.json'.length);
    const metaPath = join(SHARED_SPECS_DIR, `${key}.meta.json`);
    const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : {};
    return { key, name: meta.name ?? key, bytes: readFileSync(join(SHARED_SPECS_DIR, file)).length };
  });
}

const progress = (text) => process.stderr.write(`bench: ${text}\n`);

export async function runRenderBench(settings = SETTINGS) {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error("Chromium not found: install Debian's package (`apt-get install -y chromium`) or set CHROME_PATH. The bench never downloads a browser.");
  }
  const { startDemoServer } = await import('../../demo/server.ts');
  const { nameBasedId } = await import('../../src/sandbox/ids.ts');
  const specs = corpus().map((spec) => ({ ...spec, templateId: nameBasedId(`template:${spec.key}`) }));
  const largest = specs.reduce((a, b) => (b.bytes > a.bytes ? b : a));

  const demo = await startDemoServer({
    host: '127.0.0.1',
    port: 0,
    sandboxOptions: { dataDir: 'memory', catalogDirs: [SHARED_SPECS_DIR], rateLimit: 1_000_000, slowCheckMs: 0 },
  });
  const origin = demo.url;
  let browser;
  try {
    // Loopback only: every host name but 127.0.0.1 fails to resolve (connector icons point at a CDN).
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems = [];
    const offOrigin = new Set();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:')) offOrigin.add(request.url());
    });

    // The page itself is ours, served by Playwright only while it loads; nothing is intercepted once timing starts.
    await page.route(`${origin}/__bench/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/__bench/page.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(PAGE_JS, 'utf8') });
      return route.fulfill({ contentType: 'text/html', body: PAGE_HTML });
    });
    await page.goto(`${origin}/__bench/`);
    await page.waitForFunction(() => window.benchReady === true && customElements.get('airbyte-connect') !== undefined);
    await page.unrouteAll();
    await page.evaluate(() => window.bench.widgetToken());

    const open = (templateId) => page.evaluate((id) => window.bench.openTemplate(id), templateId);
    progress(`${specs.length} specs, warming up`);
    for (let i = 0; i < settings.warmups; i++) await open(largest.templateId);
    for (const spec of specs) await open(spec.templateId);

    const samples = new Map(specs.map((spec) => [spec.key, []]));
    for (let round = 0; round < settings.runsPerSpec; round++) {
      progress(`every spec, round ${round + 1}/${settings.runsPerSpec}`);
      for (const spec of specs) samples.get(spec.key).push(await open(spec.templateId));
    }
    progress(`${largest.key} × ${settings.runsLargest}`);
    const largestSamples = [];
    for (let i = 0; i < settings.runsLargest; i++) largestSamples.push(await open(largest.templateId));

    progress(`keystroke → message × ${settings.keystrokeRuns}`);
    const ks = settings.keystroke;
    const ksSpec = specs.find((spec) => spec.key === ks.spec);
    if (!ksSpec) throw new Error(`keystroke bench: ${ks.spec} is not in the corpus`);
    await page.evaluate(([id, title]) => window.bench.openKeystrokeForm(id, title), [ksSpec.templateId, ks.title]);
    const keystrokes = [];
    let message;
    for (let i = 0; i < settings.keystrokeWarmups + settings.keystrokeRuns; i++) {
      await page.evaluate((before) => window.bench.armKeystroke(before), ks.before);
      await page.keyboard.press(ks.key);
      const result = await page.evaluate(() => window.bench.keystrokeResult());
      message = result.message;
      if (i >= settings.keystrokeWarmups) keystrokes.push(result);
    }
    await page.evaluate(() => window.bench.closeKeystrokeForm());

    if (problems.length) throw new Error(`the page reported errors:\n${problems.join('\n')}`);

    const perSpec = specs.map((spec) => {
      const runs = samples.get(spec.key);
      return {
        spec: spec.key,
        name: spec.name,
        specBytes: spec.bytes,
        controls: runs[0].controls,
        endToEnd: stats(runs.map((r) => r.total)),
        render: stats(runs.map((r) => r.render)),
        renderToDom: stats(runs.map((r) => r.renderToDom)),
        templateFetch: stats(runs.map((r) => r.fetch)),
      };
    });
    const all = [...samples.values()].flat();
    const slowestBy = (key) => perSpec.reduce((a, b) => (b[key].median > a[key].median ? b : a));
    return {
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        os: `${process.platform} ${release()}`,
        node: process.version,
        chromium: browser.version(),
        viewport: '1280×800, headless',
      },
      method: {
        chosen: 'airbyte-template-select on a fresh element deep-linked with template-id (after both lists loaded)',
        painted: 'requestAnimationFrame, then a MessageChannel message: runs right after that frame’s style, layout and paint (so it includes waiting for the next frame, up to 16.7 ms at 60 Hz)',
        endToEnd: 'chosen → form painted, including GET /source-templates/{id}',
        render: 'responseEnd of that GET (resource timing) → form painted',
        renderToDom: 'responseEnd of that GET → first form control in the DOM (MutationObserver), before layout and paint',
        keystroke: `${ks.spec} "${ks.title}": "${ks.before}" then the key "${ks.key}" (real key events from Playwright); keydown timeStamp → error element in the DOM (MutationObserver) / → painted`,
        settings,
      },
      largest: {
        spec: largest.key,
        name: largest.name,
        specBytes: largest.bytes,
        controls: largestSamples[0].controls,
        endToEnd: stats(largestSamples.map((r) => r.total)),
        render: stats(largestSamples.map((r) => r.render)),
        renderToDom: stats(largestSamples.map((r) => r.renderToDom)),
        templateFetch: stats(largestSamples.map((r) => r.fetch)),
      },
      corpus: {
        specs: specs.length,
        endToEnd: {
          medianOfMedians: stats(perSpec.map((s) => s.endToEnd.median)).median,
          slowestMedian: { spec: slowestBy('endToEnd').spec, ms: slowestBy('endToEnd').endToEnd.median },
          allRuns: stats(all.map((r) => r.total)),
        },
        render: {
          medianOfMedians: stats(perSpec.map((s) => s.render.median)).median,
          slowestMedian: { spec: slowestBy('render').spec, ms: slowestBy('render').render.median },
          allRuns: stats(all.map((r) => r.render)),
        },
        renderToDom: { allRuns: stats(all.map((r) => r.renderToDom)) },
        perSpec,
      },
      keystroke: {
        message,
        toMessage: stats(keystrokes.map((k) => k.toMessage)),
        toPainted: stats(keystrokes.map((k) => k.toPainted)),
        /** Key event created → handled by the page: time spent in the browser's input pipeline. */
        inputDelay: stats(keystrokes.map((k) => k.dispatchDelay)),
        samples: keystrokes.map(({ toMessage, toPainted, dispatchDelay }) => ({ toMessage, toPainted, inputDelay: dispatchDelay })),
      },
      /** Requests to other hosts (connector icons): none should happen; they could not resolve anyway. */
      offOriginRequests: [...offOrigin],
    };
  } finally {
    await browser?.close();
    await demo.close();
  }
}

/** The markdown table printed after the size table. */
export function renderTable(r) {
  const ms = (v) => `${v.toFixed(1)}`;
  const row = (measure, s) => `| ${measure} | ${s.runs} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.max)} |`;
  const c = r.corpus;
  return [
    '| measure | runs | median ms | p95 ms | max ms |',
    '|---|---:|---:|---:|---:|',
    row(`largest spec, ${r.largest.name} (${r.largest.spec}, ${Math.round(r.largest.specBytes / 1024)} KiB, ${r.largest.controls} controls): template chosen → form painted, incl. template GET`, r.largest.endToEnd),
    row(`largest spec: render only (template response → form painted)`, r.largest.render),
    row(`largest spec: render only, to the DOM (template response → first control in the DOM, before layout and paint)`, r.largest.renderToDom),
    row(`all ${c.specs} specs, every run: template chosen → form painted, incl. template GET`, c.endToEnd.allRuns),
    row(`all ${c.specs} specs, every run: render only (template response → form painted)`, c.render.allRuns),
    row(`all ${c.specs} specs, every run: render only, to the DOM`, c.renderToDom.allRuns),
    `| per-spec medians, end to end: median of the ${c.specs} medians / slowest spec (${c.endToEnd.slowestMedian.spec}) | ${c.specs} | ${ms(c.endToEnd.medianOfMedians)} | — | ${ms(c.endToEnd.slowestMedian.ms)} |`,
    `| per-spec medians, render only: median of the ${c.specs} medians / slowest spec (${c.render.slowestMedian.spec}) | ${c.specs} | ${ms(c.render.medianOfMedians)} | — | ${ms(c.render.slowestMedian.ms)} |`,
    row(`keystroke → validation message in the DOM (${r.method.settings.keystroke.spec} "${r.method.settings.keystroke.title}" = ${r.method.settings.keystroke.before}${r.method.settings.keystroke.key})`, r.keystroke.toMessage),
    row(`keystroke → validation message painted`, r.keystroke.toPainted),
  ].join('\n');
}

/** Every spec's row (`npm run bench -- --per-spec`), slowest render first. */
export function renderSpecTable(r) {
  const specs = [...r.corpus.perSpec].sort((a, b) => b.render.median - a.render.median);
  return [
    '| spec | KiB | controls | end to end median / p95 / max ms | render only median / p95 / max ms |',
    '|---|---:|---:|---:|---:|',
    ...specs.map(
      (s) =>
        `| ${s.spec} | ${(s.specBytes / 1024).toFixed(1)} | ${s.controls} | ${s.endToEnd.median} / ${s.endToEnd.p95} / ${s.endToEnd.max} | ${s.render.median} / ${s.render.p95} / ${s.render.max} |`,
    ),
  ].join('\n');
}
