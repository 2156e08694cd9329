// Template chosen → form interactive, for every shared spec and (with more runs) the largest, each run side by
// side with its references in the same page: one round trip of the same template GET plus one frame (for the
// time to interactive), and the same spec rendered by @json-editor/json-editor and as plain DOM inputs (for the
// render). Runs are interleaved (widget, then each reference, spec after spec) so drift hits all alike.
import { profileWindows } from './profile.mjs';
import { ratios, stats, statsOf } from './stats.mjs';

export const FORM_SETTINGS = {
  /** Timed opens of every spec by the widget. */
  runsPerSpec: 10,
  /** Of those rounds, how many also run the references (the first ones). */
  referenceRunsPerSpec: 5,
  /** Timed opens of the largest spec, each with every reference (its row uses these alone). */
  runsLargest: 50,
  /** Untimed opens (widget and references) before anything is timed, so no sample pays for compiling code. */
  warmups: 3,
  /** Extra opens of the largest spec by the widget and by json-editor under the CPU profiler (profile.mjs). */
  profiledRuns: 20,
};

const progress = (text) => process.stderr.write(`bench: ${text}\n`);

/** One timed round of `spec`: the widget's open, and its references when `withReferences`. */
async function round(page, spec, withReferences) {
  const widget = await page.evaluate((id) => window.bench.openTemplate(id), spec.templateId);
  if (!withReferences) return { widget };
  const roundTrip = await page.evaluate((id) => window.reference.roundTripAndFrame(`/api/v1/embedded/source-templates/${id}`), spec.templateId);
  let jsonEditor;
  try {
    jsonEditor = await page.evaluate((id) => window.reference.jsonEditorRender(id), spec.templateId);
  } catch (error) {
    jsonEditor = { error: String(error?.message ?? error).split('\n')[0] };
  }
  // The floor creates as many inputs as the widget put in the DOM for this spec.
  const plain = await page.evaluate((count) => window.reference.plainForm(count), widget.controls);
  return { widget, roundTrip, jsonEditor, plain };
}

/** Summaries of a set of rounds (of one spec, or of all): the widget's figures and each reference's. */
function summarise(rounds) {
  const widget = rounds.map((r) => r.widget);
  const withRefs = rounds.filter((r) => r.roundTrip);
  const roundTrip = withRefs.map((r) => r.roundTrip);
  const jsonEditor = withRefs.map((r) => r.jsonEditor).filter((j) => !j.error);
  const plain = withRefs.map((r) => r.plain);
  const summary = {
    widget: {
      controls: widget[0].controls,
      endToEnd: statsOf(widget, 'total'),
      templateFetch: statsOf(widget, 'fetch'),
      render: statsOf(widget, 'render'),
      renderToDom: statsOf(widget, 'renderToDom'),
    },
    roundTripAndFrame: roundTrip.length
      ? { roundTrip: statsOf(roundTrip, 'roundTrip'), painted: statsOf(roundTrip, 'painted'), delivery: stats(roundTrip.map((r) => r.delivery ?? 0)) }
      : null,
    jsonEditor: jsonEditor.length ? { controls: jsonEditor[0].controls, painted: statsOf(jsonEditor, 'painted'), toDom: statsOf(jsonEditor, 'toDom') } : null,
    jsonEditorErrors: [...new Set(withRefs.map((r) => r.jsonEditor.error).filter(Boolean))],
    plainDom: plain.length ? { painted: statsOf(plain, 'painted'), toDom: statsOf(plain, 'toDom') } : null,
  };
  summary.ratios = {
    endToEndVsRoundTripAndFrame: summary.roundTripAndFrame && ratios(summary.widget.endToEnd, summary.roundTripAndFrame.painted),
    renderVsJsonEditor: summary.jsonEditor && ratios(summary.widget.render, summary.jsonEditor.painted),
    renderToDomVsJsonEditor: summary.jsonEditor && ratios(summary.widget.renderToDom, summary.jsonEditor.toDom),
    renderVsPlainDom: summary.plainDom && ratios(summary.widget.render, summary.plainDom.painted),
    renderToDomVsPlainDom: summary.plainDom && ratios(summary.widget.renderToDom, summary.plainDom.toDom),
  };
  return summary;
}

export async function runFormBench(page, specs, settings = FORM_SETTINGS) {
  const largest = specs.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  progress(`${specs.length} specs: warming up the widget and the references`);
  for (let i = 0; i < settings.warmups; i++) await round(page, largest, true);
  for (const spec of specs) await round(page, spec, true);

  const rounds = new Map(specs.map((spec) => [spec.key, []]));
  for (let r = 0; r < settings.runsPerSpec; r++) {
    const withReferences = r < settings.referenceRunsPerSpec;
    progress(`every spec, round ${r + 1}/${settings.runsPerSpec}${withReferences ? ' (with references)' : ''}`);
    for (const spec of specs) rounds.get(spec.key).push(await round(page, spec, withReferences));
  }
  progress(`${largest.key} × ${settings.runsLargest}, with references`);
  const largestRounds = [];
  for (let i = 0; i < settings.runsLargest; i++) largestRounds.push(await round(page, largest, true));

  progress(`${largest.key} × ${settings.profiledRuns} more, widget and json-editor, under the CPU profiler`);
  const profile = await profileWindows(page, async () => {
    const widget = [];
    const jsonEditor = [];
    for (let i = 0; i < settings.profiledRuns; i++) {
      widget.push((await page.evaluate((id) => window.bench.openTemplate(id), largest.templateId)).at);
      jsonEditor.push((await page.evaluate((id) => window.reference.jsonEditorRender(id), largest.templateId)).at);
    }
    return {
      widgetToDom: widget.map((at) => ({ start: at.responseEnd, end: at.control })),
      widgetPainted: widget.map((at) => ({ start: at.responseEnd, end: at.painted })),
      jsonEditorToDom: jsonEditor.map((at) => ({ start: at.start, end: at.built })),
      jsonEditorPainted: jsonEditor.map((at) => ({ start: at.start, end: at.painted })),
    };
  });

  const perSpec = specs.map((spec) => ({ spec: spec.key, name: spec.name, specBytes: spec.bytes, ...summarise(rounds.get(spec.key)) }));
  const comparable = perSpec.filter((s) => s.jsonEditor);
  const fasterThanJsonEditor = comparable.filter((s) => s.widget.render.median < s.jsonEditor.painted.median).length;
  const slowestBy = (pick) => perSpec.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  const slowest = slowestBy((s) => s.widget.render.median);
  return {
    settings,
    largest: { spec: largest.key, name: largest.name, specBytes: largest.bytes, ...summarise(largestRounds), profile },
    corpus: {
      specs: specs.length,
      ...summarise([...rounds.values()].flat()),
      perSpecMedians: {
        endToEnd: stats(perSpec.map((s) => s.widget.endToEnd.median)),
        render: stats(perSpec.map((s) => s.widget.render.median)),
        slowestRender: { spec: slowest.spec, ms: slowest.widget.render.median },
      },
      /** Specs whose median render (painted) beats json-editor's median on the same spec. */
      fasterThanJsonEditor: { specs: fasterThanJsonEditor, of: comparable.length },
      jsonEditorFailed: perSpec.filter((s) => s.jsonEditorErrors.length).map((s) => ({ spec: s.spec, errors: s.jsonEditorErrors })),
      perSpec,
    },
  };
}
