// The start view at a given catalog size: token set → template list interactive (against one round trip of the
// same list call plus one frame, and against both list calls in parallel plus one frame), and one search keystroke
// filtering the list (against plain DOM buttons hidden by an input handler). Both run in the page of a demo
// server whose catalog has that many templates.
import { profileWindows } from './profile.mjs';
import { ratios, statsOf } from './stats.mjs';

/** `profiledRuns`: extra runs under the CPU profiler (profile.mjs), after the timed ones. */
export const LIST_SETTINGS = { runs: 30, warmups: 10, profiledRuns: 10 };
export const SEARCH_SETTINGS = { runs: 30, warmups: 3, key: 'g' };

const progress = (text) => process.stderr.write(`bench: ${text}\n`);

export async function runListBench(page, settings = LIST_SETTINGS) {
  const templates = await page.evaluate(() => window.reference.templateCount());
  progress(`token set → list of ${templates} templates × ${settings.runs}, and the round trips + one frame`);
  const widget = [];
  const reference = [];
  const both = [];
  for (let i = 0; i < settings.warmups + settings.runs; i++) {
    const ours = await page.evaluate((expected) => window.bench.tokenToList(expected), templates);
    const floor = await page.evaluate(() => window.reference.roundTripAndFrame('list'));
    const lists = await page.evaluate(() => window.reference.roundTripAndFrame('lists'));
    if (i < settings.warmups) continue;
    widget.push(ours);
    reference.push(floor);
    both.push(lists);
  }
  const profile = await profileWindows(page, async () => {
    const runs = [];
    for (let i = 0; i < settings.profiledRuns; i++) runs.push((await page.evaluate((expected) => window.bench.tokenToList(expected), templates)).at);
    return { toDom: runs.map((at) => ({ start: at.start, end: at.shown })), painted: runs.map((at) => ({ start: at.start, end: at.painted })) };
  });
  const summary = {
    templates,
    widget: { painted: statsOf(widget, 'painted'), toDom: statsOf(widget, 'toDom') },
    roundTripAndFrame: { painted: statsOf(reference, 'painted'), roundTrip: statsOf(reference, 'roundTrip') },
    /** Both list calls in parallel (templates and the end user's sources, as the start view needs), + one frame. */
    bothListsAndFrame: { painted: statsOf(both, 'painted'), roundTrip: statsOf(both, 'roundTrip') },
    profile,
  };
  summary.ratios = {
    painted: ratios(summary.widget.painted, summary.roundTripAndFrame.painted),
    toDom: ratios(summary.widget.toDom, summary.roundTripAndFrame.roundTrip),
    paintedVsBothLists: ratios(summary.widget.painted, summary.bothListsAndFrame.painted),
  };
  return summary;
}

export async function runSearchBench(page, settings = SEARCH_SETTINGS) {
  const { templates } = await page.evaluate(() => window.bench.openSearch());
  const names = await page.evaluate(() => window.reference.templateNames());
  await page.evaluate((list) => window.reference.openPlainSearch(list), names);
  progress(`search keystroke over ${templates} templates × ${settings.runs}, and the plain list`);
  const widget = [];
  const plain = [];
  try {
    for (let i = 0; i < settings.warmups + settings.runs; i++) {
      await page.evaluate(() => window.bench.armSearch());
      await page.keyboard.press(settings.key);
      const ours = await page.evaluate(() => window.bench.searchResult());
      await page.evaluate(() => window.reference.armPlainSearch());
      await page.keyboard.press(settings.key);
      const floor = await page.evaluate(() => window.reference.plainSearchResult());
      if (ours.after !== floor.after) throw new Error(`search "${settings.key}": the widget shows ${ours.after} templates, the plain list ${floor.after}`);
      if (i < settings.warmups) continue;
      widget.push(ours);
      plain.push(floor);
    }
  } finally {
    await page.evaluate(() => (window.bench.closeSearch(), window.reference.closePlainSearch()));
  }
  const summary = {
    templates,
    key: settings.key,
    shownAfter: widget[0].after,
    widget: { painted: statsOf(widget, 'painted'), toDom: statsOf(widget, 'toDom'), inputDelay: statsOf(widget, 'inputDelay') },
    plainDom: { painted: statsOf(plain, 'painted'), toDom: statsOf(plain, 'toDom'), inputDelay: statsOf(plain, 'inputDelay') },
  };
  summary.ratios = { painted: ratios(summary.widget.painted, summary.plainDom.painted), toDom: ratios(summary.widget.toDom, summary.plainDom.toDom) };
  return summary;
}
