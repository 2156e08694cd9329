// The timing half of `npm run bench` (after run.mjs's size table), in three phases so that nothing competes:
// 1. the demo server (built widget under /dist/, sandbox under /api/v1/ with the shared connector specs in its
//    catalog, in-memory database) and the bench page in Chromium: forms, keystroke, list, heap, flows;
// 2. another demo server whose catalog has 1,000 templates: list and search at scale;
// 3. Chromium closed: the sandbox process under a bounded loopback load, beside a bare node:http process.
// Everything listens on 127.0.0.1; the browser cannot resolve any other host. Returns every figure (written to
// bench-results/bench.json by run.mjs) and `failures`, which make the bench exit non-zero.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { register } from 'tsx/esm/api';
import { launchChromium, openBenchPage } from './browser.mjs';
import { generatedCatalog, SHARED_SPECS_DIR, sharedSpecs } from './catalog.mjs';
import { runFlowBench } from './flows.mjs';
import { runHeapBench } from './heap.mjs';
import { runKeystrokeBench } from './keystroke.mjs';
import { readSourceMaps } from './profile.mjs';
import { runFormBench } from './render.mjs';
import { flowTable, heapTable, loadTable, machineLine, profileTable, specTable, timingTable, verdictTable } from './report.mjs';
import { runSandboxLoad } from './sandbox-load.mjs';
import { runListBench, runSearchBench } from './template-list.mjs';

register();

const LARGE_CATALOG = 1_000;
/** A create the sandbox accepts (Sentry's three required fields), for the load on POST /sources. */
const CREATE = { spec: 'source-sentry', config: { auth_token: 'bench-secret-token', organization: 'bench-org', project: 'bench-project' } };

/** When each built file was last written: a rebuild during the run (by someone else) makes the figures mixed. */
function distStamp() {
  const dist = new URL('../../dist/', import.meta.url);
  const files = ['', 'chunks/'].flatMap((dir) =>
    existsSync(new URL(dir, dist)) ? readdirSync(new URL(dir, dist)).filter((f) => f.endsWith('.js')).map((f) => `${dir}${f}`) : [],
  );
  return JSON.stringify(files.sort().map((file) => [file, statSync(new URL(file, dist)).mtimeMs]));
}

/** Seconds each part took (in bench.json and on the last line), to keep the run inside its time limit. */
const phases = {};
async function timed(name, work) {
  const start = Date.now();
  try {
    return await work();
  } finally {
    phases[name] = Math.round((Date.now() - start) / 100) / 10;
  }
}

async function withDemo(catalogDirs, browser, work) {
  const { startDemoServer } = await import('../../demo/server.ts');
  const demo = await startDemoServer({
    host: '127.0.0.1',
    port: 0,
    sandboxOptions: { dataDir: 'memory', catalogDirs, rateLimit: 1_000_000, slowCheckMs: 0 },
  });
  let bench;
  try {
    bench = await openBenchPage(browser, demo.url);
    readSourceMaps();
    const result = await work(bench.page);
    bench.assertClean();
    return { ...result, offOriginRequests: [...bench.offOrigin] };
  } finally {
    await bench?.context.close();
    await demo.close();
  }
}

export async function runSuite() {
  // Other work on the machine shows in every figure: the load average is recorded beside them.
  const loadBefore = loadavg()[0];
  const distBefore = distStamp();
  const specs = await sharedSpecs();
  const large = await generatedCatalog(LARGE_CATALOG);
  try {
    const browser = await launchChromium();
    let shared;
    let scaled;
    try {
      // The forms come first: their thousand-odd opens also warm the server up for the list figures.
      shared = await withDemo([SHARED_SPECS_DIR], browser, async (page) => ({
        forms: await timed('forms', () => runFormBench(page, specs)),
        keystroke: await timed('keystroke', () => runKeystrokeBench(page, specs)),
        list: await timed('list', () => runListBench(page)),
        heap: await timed('heap', () => runHeapBench(page)),
        flows: await timed('flows', () => runFlowBench(page)),
      }));
      scaled = await withDemo([SHARED_SPECS_DIR, large.dir], browser, async (page) => ({
        list: await timed('list at scale', () => runListBench(page)),
        search: await timed('search', () => runSearchBench(page)),
      }));
    } finally {
      await browser.close().catch(() => {});
    }
    const sentry = specs.find((s) => s.key === CREATE.spec);
    const load = await timed('sandbox load', () =>
      runSandboxLoad({
        catalogs: [{ dirs: [SHARED_SPECS_DIR] }, { dirs: [SHARED_SPECS_DIR, large.dir] }],
        createBody: { source_template_id: sentry.templateId, source_config: CREATE.config },
      }),
    );

    const flows = [shared.flows.openToConnected, shared.flows.editToSaved];
    const failures = flows
      .filter((f) => !f.atMinimum)
      .map((f) => `${f.flow}: ${f.requests} requests for a minimum of ${f.minimum}${f.duplicates ? `, duplicated: ${f.duplicateCalls.join(' | ')}` : ''}`);
    return {
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        os: `${process.platform} ${release()}`,
        node: process.version,
        chromium: browser.version(),
        viewport: '1280×800, headless',
        loadAverage1m: { atStart: Math.round(loadBefore * 100) / 100, atEnd: Math.round(loadavg()[0] * 100) / 100 },
      },
      method: {
        painted: 'requestAnimationFrame, then a MessageChannel message: runs right after that frame’s style, layout and paint (so it includes waiting for the next frame, up to 16.7 ms at 60 Hz)',
        toDom: 'MutationObserver on the element’s shadow root (or the reference’s container): the first time the awaited DOM is there, before layout and paint',
        tokenToList: 'element mounted and rendered without a token; clock from setting the token to the last template button in the DOM / painted',
        chosen: 'airbyte-template-select on a fresh element deep-linked with template-id (after both lists loaded) → form painted, including GET /source-templates/{id}',
        render: 'responseEnd of that GET (resource timing) → form painted: parse, response check, form model, validation, Lit render, frame',
        jsonEditor: 'new JSONEditor(div, {schema: JSON.parse(specText)}) with its defaults (html theme), until its load() promise resolves (built, validated) / that frame is painted',
        plainDom: 'createElement of a form with as many label + input pairs as the widget rendered, appended at once / painted',
        roundTripAndFrame: 'fetch of the same URL with the same token, body read, then the next painted frame',
        keystroke: 'Playwright key press (trusted events); keydown timeStamp → message element in the DOM / painted',
        ratio: 'airbyte-connect / reference, of the medians and of the p95s; below 1 means faster',
      },
      lists: [shared.list, scaled.list],
      forms: shared.forms,
      keystroke: shared.keystroke,
      search: scaled.search,
      flows: shared.flows,
      heap: shared.heap,
      sandboxLoad: load,
      /** True when dist/ was rebuilt while the bench ran: its figures then mix two builds. */
      distRebuiltDuringRun: distStamp() !== distBefore,
      /** Wall time of each part, for keeping the whole run under its limit. */
      secondsPerPart: phases,
      /** Requests to other hosts (connector icons): none can leave, as no other host resolves. */
      offOriginRequests: [...new Set([...shared.offOriginRequests, ...scaled.offOriginRequests])].length,
      failures,
    };
  } finally {
    large.remove();
  }
}

/** Everything printed after the size table, as markdown. */
export function suiteReport(r, { perSpec = false } = {}) {
  return [
    `\nTimings on ${machineLine(r.machine)}; ratio = airbyte-connect / reference (below 1: faster)\n`,
    timingTable(r),
    `\nWhere the time goes, form render: CPU profile of ${r.forms.largest.profile.windows.widgetToDom.runs} extra opens of the largest spec (${r.forms.largest.spec}) by the widget and by json-editor, cut to the windows of the table above (profiler overhead included: read the shares)\n`,
    profileTable([
      { title: 'widget: response → DOM', profile: r.forms.largest.profile.windows.widgetToDom },
      { title: 'widget: response → painted', profile: r.forms.largest.profile.windows.widgetPainted },
      { title: 'json-editor: → built', profile: r.forms.largest.profile.windows.jsonEditorToDom },
      { title: 'json-editor: → painted', profile: r.forms.largest.profile.windows.jsonEditorPainted },
    ]),
    `\nWhere the time goes, token set → template list: CPU profile of ${r.lists[0].profile.windows.toDom.runs} extra runs at each catalog size\n`,
    profileTable(
      r.lists.flatMap((l) => [
        { title: `${l.templates} templates: → DOM`, profile: l.profile.windows.toDom },
        { title: `${l.templates} templates: → painted`, profile: l.profile.windows.painted },
      ]),
    ),
    '\nRequests per flow (contract minimum: see test/bench/flows.mjs)\n',
    flowTable(r.flows),
    '\nRetained JS heap\n',
    heapTable(r.heap),
    '\nSandbox throughput (loopback, bounded)\n',
    loadTable(r.sandboxLoad),
    '\nCriteria\n',
    verdictTable(r),
    ...(perSpec ? ['\nEvery spec (slowest render first)\n', specTable(r.forms)] : []),
    `\nSeconds per part: ${Object.entries(r.secondsPerPart).map(([part, seconds]) => `${part} ${seconds}`).join(', ')}`,
    ...(r.distRebuiltDuringRun ? ['\nWARNING: dist/ was rebuilt while the bench ran; its figures mix two builds. Run it again.'] : []),
  ].join('\n');
}
