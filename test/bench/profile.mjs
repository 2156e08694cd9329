// Where the time goes: a CPU profile (CDP Profiler, 100 µs sampling) of the page while some runs repeat, cut to
// the windows those runs report on the page's clock (performance.now()), with every sample put down to the
// source module of the built widget it ran in (through the source maps of dist/) or to what the browser did
// outside JS. The profile's clock is lined up with the page's by a busy loop of a known name run at the start
// and at the end (benchCalibrationSpin in timing.js). Profiling slows JS down a little: these runs are extra,
// after the timed ones, and only the shares are meant to be read, not the absolute times.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The source map of a built file served under /dist/ (the main bundle, its chunks), read once; null without one. */
const sourceMaps = new Map();

/**
 * Reads every source map of dist/ now: called as a page has just loaded the widget, so that the maps match the
 * code it runs even if dist/ is rebuilt later in the run.
 */
export function readSourceMaps() {
  sourceMaps.clear();
  for (const dir of ['', 'chunks/']) {
    if (!existsSync(`${DIST}${dir}`)) continue;
    for (const file of readdirSync(`${DIST}${dir}`).filter((name) => name.endsWith('.js.map'))) {
      sourceMaps.set(`${dir}${file.slice(0, -'.map'.length)}`, new SourceMap(JSON.parse(readFileSync(`${DIST}${dir}${file}`, 'utf8'))));
    }
  }
}

function sourceMapOf(url) {
  const path = new URL(url).pathname.replace(/^\/dist\//, '');
  if (!sourceMaps.has(path)) {
    const file = `${DIST}${path}.map`;
    sourceMaps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
  }
  return sourceMaps.get(path);
}

/** The module a bundle position comes from, as a short bucket name. */
function bucketOf(source) {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/^.*?node_modules\//, 'node_modules/');
  if (path.startsWith('node_modules/zod/')) return 'zod (response schemas, field validators)';
  if (/^node_modules\/(lit-html|lit-element|lit|@lit)\//.test(path)) return 'Lit (templates, DOM updates)';
  if (path.startsWith('node_modules/')) return path.split('/').slice(0, 2).join('/');
  const match = /^src\/([^/]+)\/(.*)$/.exec(path);
  if (!match) return path;
  if (match[1] === 'components') return `src/components/${match[2].split('/')[0].replace(/\.ts$/, '')}`;
  return `src/${match[1]}`;
}

/** DOM calls that need up-to-date style and layout, so the browser computes them synchronously. */
const FORCES_LAYOUT = new Set(['focus', 'getBoundingClientRect', 'getClientRects', 'scrollIntoView', 'getComputedStyle', 'offsetWidth', 'offsetHeight', 'scrollHeight', 'showModal']);

const SPECIAL = {
  '(idle)': 'idle: waiting (network, IPC, the next frame)',
  '(program)': 'browser work outside JS (style, layout, paint, parsing, IPC)',
  '(garbage collector)': 'garbage collection',
};

/**
 * Runs `work` under the profiler; it returns named lists of windows ({name: [{start, end}]}, on the page's
 * clock, one per run). For each name: per bucket, the time sampled inside those windows per run, and its share.
 */
export async function profileWindows(page, work) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  let profile;
  let windows;
  const marks = [];
  try {
    marks.push(await page.evaluate(() => window.bench.calibrate()));
    windows = await work();
    marks.push(await page.evaluate(() => window.bench.calibrate()));
  } finally {
    profile = (await cdp.send('Profiler.stop')).profile;
    await cdp.send('Profiler.disable');
    await cdp.detach();
  }

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inSpin = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) if (nodes.get(at).callFrame.functionName === 'benchCalibrationSpin') return true;
    return false;
  };
  // Sample i lasts until sample i + 1 (µs, the profile's clock).
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const duration = (i) => (i + 1 < times.length ? times[i + 1] - times[i] : 100);

  // Page clock (ms) → profile clock (µs): from the two calibration spins.
  const spinSamples = times.map((time, i) => ({ time, id: profile.samples[i] })).filter((s) => inSpin(s.id));
  if (spinSamples.length < 4) throw new Error('profile: the calibration spins were not sampled');
  // The two spins are far apart: split their samples at the widest gap.
  let gap = 1;
  for (let i = 2; i < spinSamples.length; i++) if (spinSamples[i].time - spinSamples[i - 1].time > spinSamples[gap].time - spinSamples[gap - 1].time) gap = i;
  const offsets = [spinSamples.slice(0, gap), spinSamples.slice(gap)].map(
    (spin, k) => (spin[0].time / 1000 - marks[k].start + spin.at(-1).time / 1000 - marks[k].end) / 2,
  );
  const offset = (offsets[0] + offsets[1]) / 2;

  const summarise = (list) => {
    const buckets = new Map();
    let total = 0;
    const ranges = list.map(({ start, end }) => [(start + offset) * 1000, (end + offset) * 1000]);
    for (let i = 0; i < times.length; i++) {
      if (!ranges.some(([from, to]) => times[i] >= from && times[i] < to)) continue;
      const us = duration(i);
      const { bucket, fn } = bucketOfSample(profile.samples[i]);
      total += us;
      const entry = buckets.get(bucket) ?? { us: 0, functions: new Map() };
      entry.us += us;
      entry.functions.set(fn, (entry.functions.get(fn) ?? 0) + us);
      buckets.set(bucket, entry);
    }
    const ms = (us) => Math.round(us / list.length / 100) / 10;
    return {
      runs: list.length,
      sampledMsPerRun: ms(total),
      buckets: [...buckets.entries()]
        .sort((a, b) => b[1].us - a[1].us)
        .map(([bucket, { us, functions }]) => ({
          bucket,
          msPerRun: ms(us),
          share: Math.round((us / total) * 1000) / 10,
          topFunctions: [...functions.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 5)
            .map(([fn, fnUs]) => ({ fn, msPerRun: ms(fnUs) })),
        })),
    };
  };

  /** The sample's bucket, and the function it is put down to (`name @ source:line`, for bench.json). */
  function bucketOfSample(id) {
    const frame = nodes.get(id).callFrame;
    if (Object.hasOwn(SPECIAL, frame.functionName)) return { bucket: SPECIAL[frame.functionName], fn: frame.functionName };
    // Native code (JSON.parse, DOM calls) counts for the nearest JS frame that called it, under its own name.
    const native = frame.url ? '' : `${frame.functionName || '(native)'} ← `;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { url, lineNumber, columnNumber, functionName } = nodes.get(at).callFrame;
      if (!url) continue;
      const name = `${native}${functionName || '(anonymous)'}`;
      if (url.includes('/dist/')) {
        const entry = sourceMapOf(url)?.findEntry(lineNumber, columnNumber);
        if (!entry?.originalSource) return { bucket: `${url.replace(/^.*\/dist\//, 'dist/')} (unmapped)`, fn: name };
        const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
        const fn = `${name} @ ${source}:${entry.originalLine + 1}`;
        // A DOM call that makes the browser compute style and layout there and then is shown as such.
        if (!frame.url && FORCES_LAYOUT.has(frame.functionName)) return { bucket: `style + layout forced by ${frame.functionName}() in ${source}`, fn };
        return { bucket: bucketOf(entry.originalSource), fn };
      }
      if (url.endsWith('/__bench/jsoneditor.js')) return { bucket: 'json-editor (its JS)', fn: name };
      if (url.includes('/__bench/')) return { bucket: 'bench page (clocks; JSON.parse of the spec for json-editor)', fn: `${name} @ ${url.replace(/^.*\//, '')}` };
      return { bucket: url.replace(/^.*\//, ''), fn: name };
    }
    return { bucket: `native: ${frame.functionName || '(anonymous)'}`, fn: frame.functionName };
  }

  return {
    /** How far the two calibrations disagree: the error of the windows' placement. */
    clockOffsetSpreadMs: Math.round(Math.abs(offsets[0] - offsets[1]) * 100) / 100,
    windows: Object.fromEntries(Object.entries(windows).map(([name, list]) => [name, summarise(list)])),
  };
}
