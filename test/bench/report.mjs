// The markdown tables `npm run bench` prints after the size table: every figure beside its reference from the
// same run, with the ratio ours / reference (below 1: ours is faster, or smaller).

const ms = (v) => (v === undefined || v === null ? '—' : v.toFixed(1));
const x = (v) => (v === undefined || v === null ? '—' : `${v.toFixed(2)}×`);
const kib = (bytes) => (bytes / 1024).toFixed(0);

function timingRow(measure, ours, reference, ref, ratio) {
  if (!ref) return `| ${measure} | ${ours.runs} | ${ms(ours.median)} | ${ms(ours.p95)} | ${reference} | — | — | — | — | — |`;
  return `| ${measure} | ${ours.runs} | ${ms(ours.median)} | ${ms(ours.p95)} | ${reference} | ${ref.runs} | ${ms(ref.median)} | ${ms(ref.p95)} | ${x(ratio?.median)} | ${x(ratio?.p95)} |`;
}

export function machineLine(m) {
  const load = m.loadAverage1m ? `, load average ${m.loadAverage1m.atStart} → ${m.loadAverage1m.atEnd}` : '';
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, Chromium ${m.chromium} (${m.viewport})${load}`;
}

export function timingTable(r) {
  const { lists, forms, keystroke, search } = r;
  const L = forms.largest;
  const C = forms.corpus;
  const largestName = `${L.name} (${L.spec}, ${kib(L.specBytes)} KiB, ${L.widget.controls} controls)`;
  const rtt = (what) => `one round trip (${what}) + one frame`;
  const je = (s) => `json-editor, same spec: spec JSON → form${s === 'dom' ? ' built' : ' painted'}`;
  const plain = (s, n) => `plain DOM, ${n ?? 'as many'} inputs: ${s === 'dom' ? 'in the DOM' : 'painted'}`;
  const rows = [
    '| measure (ms) | runs | airbyte-connect median | p95 | reference | runs | median | p95 | ratio median | ratio p95 |',
    '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    ...lists.flatMap((l) => [
      timingRow(`token set → template list interactive (painted), ${l.templates} templates`, l.widget.painted, rtt('GET /source-templates'), l.roundTripAndFrame.painted, l.ratios.painted),
      timingRow(`token set → template list interactive (painted), ${l.templates} templates`, l.widget.painted, 'both list calls in parallel (templates, sources) + one frame', l.bothListsAndFrame.painted, l.ratios.paintedVsBothLists),
      timingRow(`token set → every template button in the DOM, ${l.templates} templates`, l.widget.toDom, 'one round trip (GET /source-templates), body read', l.roundTripAndFrame.roundTrip, l.ratios.toDom),
    ]),
    timingRow(`template chosen → form interactive (painted), incl. its GET: all ${C.specs} specs, every run`, C.widget.endToEnd, rtt('GET /source-templates/{id}'), C.roundTripAndFrame?.painted, C.ratios.endToEndVsRoundTripAndFrame),
    timingRow(`template chosen → form interactive (painted), incl. its GET: largest, ${largestName}`, L.widget.endToEnd, rtt('GET /source-templates/{id}'), L.roundTripAndFrame?.painted, L.ratios.endToEndVsRoundTripAndFrame),
    timingRow(`form render: template response → form painted, largest`, L.widget.render, `${je('painted')} (it builds ${L.jsonEditor?.controls ?? '?'} controls)`, L.jsonEditor?.painted, L.ratios.renderVsJsonEditor),
    timingRow(`form render: template response → form painted, largest`, L.widget.render, plain('painted', L.widget.controls), L.plainDom?.painted, L.ratios.renderVsPlainDom),
    timingRow(`form render: template response → first control in the DOM (before layout and paint), largest`, L.widget.renderToDom, je('dom'), L.jsonEditor?.toDom, L.ratios.renderToDomVsJsonEditor),
    timingRow(`form render: template response → first control in the DOM, largest`, L.widget.renderToDom, plain('dom', L.widget.controls), L.plainDom?.toDom, L.ratios.renderToDomVsPlainDom),
    timingRow(`form render: template response → form painted, all ${C.specs} specs, every run`, C.widget.render, je('painted'), C.jsonEditor?.painted, C.ratios.renderVsJsonEditor),
    timingRow(`form render: template response → form painted, all ${C.specs} specs, every run`, C.widget.render, plain('painted'), C.plainDom?.painted, C.ratios.renderVsPlainDom),
    timingRow(`form render: template response → first control in the DOM, all ${C.specs} specs, every run`, C.widget.renderToDom, je('dom'), C.jsonEditor?.toDom, C.ratios.renderToDomVsJsonEditor),
    timingRow(`form render: template response → first control in the DOM, all ${C.specs} specs, every run`, C.widget.renderToDom, plain('dom'), C.plainDom?.toDom, C.ratios.renderToDomVsPlainDom),
    timingRow(`keystroke → validation message painted (${keystroke.method.split(';')[0]})`, keystroke.widget.painted, 'plain input + input handler writing the message: painted', keystroke.plainDom.painted, keystroke.ratios.painted),
    timingRow(`keystroke → validation message in the DOM`, keystroke.widget.toDom, 'plain input + handler: in the DOM', keystroke.plainDom.toDom, keystroke.ratios.toDom),
    timingRow(`search keystroke "${search.key}" filtering ${search.templates} templates (→ ${search.shownAfter} shown): painted`, search.widget.painted, `plain DOM, ${search.templates} buttons hidden by an input handler: painted`, search.plainDom.painted, search.ratios.painted),
    timingRow(`search keystroke filtering ${search.templates} templates: in the DOM`, search.widget.toDom, 'plain DOM list: in the DOM', search.plainDom.toDom, search.ratios.toDom),
  ];
  const faster = C.fasterThanJsonEditor;
  rows.push(
    '',
    `The widget's render starts at the template response's last byte; the first ${ms(L.roundTripAndFrame?.delivery.median)} ms (median) of it is the browser handing the body to JS, which json-editor and plain DOM (started from the spec in hand) do not pay.`,
    `Per spec: airbyte-connect's median render (painted) beats json-editor's on ${faster.specs} of ${faster.of} specs; median of the ${C.specs} per-spec medians ${ms(C.perSpecMedians.render.median)} ms, slowest ${C.perSpecMedians.slowestRender.spec} ${ms(C.perSpecMedians.slowestRender.ms)} ms.` +
      (C.jsonEditorFailed.length ? ` json-editor failed on: ${C.jsonEditorFailed.map((f) => `${f.spec} (${f.errors[0]})`).join('; ')}.` : ''),
  );
  return rows.join('\n');
}

export function flowTable(flows) {
  return [
    '| flow (requests the page sent to the API) | sent | contract minimum | ratio | duplicate calls | calls, in order |',
    '|---|---:|---:|---:|---:|---|',
    ...[flows.openToConnected, flows.editToSaved].map(
      (f) => `| ${f.flow} | ${f.requests} | ${f.minimum} | ${x(f.ratio)} | ${f.duplicates} | ${f.calls.join(', ')} |`,
    ),
  ].join('\n');
}

export function heapTable(heap) {
  const row = (name, { widget: w, plainDom: p }) =>
    `| ${name} | ${(w.before / 2 ** 20).toFixed(2)} | ${(w.after / 2 ** 20).toFixed(2)} | ${kib(w.retained)} | ${(w.perCycle / 1024).toFixed(1)} | ${kib(p.retained)} | ${w.ratio.toFixed(3)}× | ${p.ratio.toFixed(3)}× |`;
  return [
    '| JS heap after GC | before MiB | after MiB | retained KiB | per cycle KiB | plain DOM, same cycles: retained KiB | ratio after / before | plain DOM ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row(`${heap.settings.cycles} mount/unmount cycles (${heap.templates} templates listed each time)`, heap.mountUnmount),
    row(`${heap.settings.cycles} dialog open/close cycles`, heap.dialogOpenClose),
  ].join('\n');
}

export function loadTable(load) {
  const s = load.settings;
  return [
    `| sandbox on ${load.host} (${s.concurrency} concurrent, ${s.durationMs / 1000} s, ≤ ${s.maxRequests} requests) | requests | req/s | p50 ms | p99 ms | plain node:http, same bytes: req/s | p99 ms | ratio req/s | ratio p99 |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...load.rows.map(
      (r) => `| ${r.endpoint} | ${r.sandbox.requests} | ${r.sandbox.rps} | ${ms(r.sandbox.p50)} | ${ms(r.sandbox.p99)} | ${r.floor.rps} | ${ms(r.floor.p99)} | ${x(r.ratios.rps)} | ${x(r.ratios.p99)} |`,
    ),
  ].join('\n');
}

/** The style and layout that the widget forces before its form reaches the DOM (json-editor leaves it to the frame). */
function forcedNote(largest) {
  const forced = largest.profile?.windows.widgetToDom.buckets.filter((b) => b.bucket.startsWith('style + layout forced')) ?? [];
  const msPerRun = forced.reduce((sum, b) => sum + b.msPerRun, 0);
  return forced.length ? `; the widget's window includes ${ms(msPerRun)} ms of ${forced.map((b) => b.bucket).join(', ')} (profiled), which json-editor's leaves to the frame` : '';
}

export function verdictTable(r) {
  const L = r.forms.largest;
  const faster = L.jsonEditor && L.widget.render.median < L.jsonEditor.painted.median;
  const fasterDom = L.jsonEditor && L.widget.renderToDom.median < L.jsonEditor.toDom.median;
  const flows = [r.flows.openToConnected, r.flows.editToSaved];
  return [
    '| criterion | result |',
    '|---|---|',
    `| render of the largest spec faster than json-editor's (median, painted) | ${faster ? 'yes' : 'NO'}: ${ms(L.widget.render.median)} vs ${ms(L.jsonEditor?.painted.median)} ms (${x(L.ratios.renderVsJsonEditor?.median)}) |`,
    `| … and before paint (median, in the DOM) | ${fasterDom ? 'yes' : 'NO'}: ${ms(L.widget.renderToDom.median)} vs ${ms(L.jsonEditor?.toDom.median)} ms (${x(L.ratios.renderToDomVsJsonEditor?.median)})${forcedNote(L)} |`,
    `| requests per flow equal the contract minimum, no duplicates | ${flows.every((f) => f.atMinimum) ? 'yes' : 'NO'}: ${flows.map((f) => `${f.flow} ${f.requests}/${f.minimum}, ${f.duplicates} duplicated`).join('; ')} |`,
  ].join('\n');
}

/** Every spec's row (`npm run bench -- --per-spec`), slowest render first. */
export function specTable(forms) {
  const specs = [...forms.corpus.perSpec].sort((a, b) => b.widget.render.median - a.widget.render.median);
  return [
    '| spec | KiB | controls (ours / json-editor) | chosen → painted, incl. GET: median / p95 | render → painted: median / p95 | json-editor painted: median / p95 | plain DOM painted: median | ratio vs json-editor (median) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...specs.map((s) => {
      const w = s.widget;
      const j = s.jsonEditor;
      return `| ${s.spec} | ${(s.specBytes / 1024).toFixed(1)} | ${w.controls} / ${j?.controls ?? '—'} | ${ms(w.endToEnd.median)} / ${ms(w.endToEnd.p95)} | ${ms(w.render.median)} / ${ms(w.render.p95)} | ${j ? `${ms(j.painted.median)} / ${ms(j.painted.p95)}` : 'failed'} | ${ms(s.plainDom?.painted.median)} | ${x(s.ratios.renderVsJsonEditor?.median)} |`;
    }),
  ].join('\n');
}

/**
 * "Where the time goes": CPU-profile buckets (profile.mjs) side by side for several window sets, in ms per run;
 * buckets under 0.1 ms in every column are left out (they are in bench.json).
 */
export function profileTable(columns) {
  const buckets = new Map();
  for (const [c, column] of columns.entries()) {
    for (const b of column.profile.buckets) {
      if (!buckets.has(b.bucket)) buckets.set(b.bucket, columns.map(() => null));
      buckets.get(b.bucket)[c] = b;
    }
  }
  const cell = (b) => (b ? `${b.msPerRun.toFixed(1)} (${b.share.toFixed(0)} %)` : '—');
  const rows = [...buckets.entries()]
    .filter(([, cells]) => cells.some((b) => b && b.msPerRun >= 0.1))
    .sort((a, b) => (b[1][0]?.msPerRun ?? 0) - (a[1][0]?.msPerRun ?? 0));
  return [
    `| where the time goes (ms per run, share) | ${columns.map((c) => c.title).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    `| all samples in the window | ${columns.map((c) => c.profile.sampledMsPerRun.toFixed(1)).join(' | ')} |`,
    ...rows.map(([bucket, cells]) => `| ${bucket} | ${cells.map(cell).join(' | ')} |`),
  ].join('\n');
}
