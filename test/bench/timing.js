// In-page clocks shared by the widget side (page.js) and the references (reference.js), so that both are
// timed by exactly the same code. Plain browser JavaScript, loaded as it is (no build step).

/**
 * When the frame that shows the current DOM has been rendered: a requestAnimationFrame callback runs just
 * before that frame's style, layout and paint, and a message posted from it is handled right after them.
 */
export function afterNextPaint() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/**
 * Waits for a frame and then a random part of the next one (60 Hz), so that what is timed next starts at a
 * random point of the frame. Without it every run would start right after a paint (the previous run ends on
 * one), and "painted" would always include most of a frame's wait, whatever the work: both the widget and the
 * references call this before their clocks start, so both meet the frame boundary at random, alike.
 */
export async function randomFramePhase() {
  await afterNextPaint();
  await new Promise((resolve) => setTimeout(resolve, Math.random() * (1000 / 60)));
}

/** Resolves with performance.now() as soon as `find()` returns something, checked on every DOM change. */
export function whenFound(root, find, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const found = find();
    if (found) return resolve({ at: performance.now(), found });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the DOM'));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const match = find();
      if (!match) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve({ at, found: match });
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

export function once(target, type, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(type, (event) => (clearTimeout(timer), resolve(event)), { once: true });
  });
}

/**
 * Arms a clock on the next real key press: it starts at the keydown's timeStamp (when the browser created the
 * event) and stops when `find()` first holds in `root` (toDom) and when that frame is painted (painted).
 * `inputDelay` is how long the event took to reach the page. Resolves with those and what `find()` returned.
 */
export function armKeyClock(root, find, timeoutMs = 5_000) {
  return new Promise((resolve, reject) => {
    window.addEventListener(
      'keydown',
      (event) => {
        const handledAt = performance.now();
        // A trusted event's timeStamp is when the key event was created; fall back to when it reached us.
        const keyAt = event.timeStamp > 0 && event.timeStamp <= handledAt ? event.timeStamp : handledAt;
        whenFound(root, find, timeoutMs)
          .then(async ({ at, found }) => {
            const painted = await afterNextPaint();
            resolve({ toDom: at - keyAt, painted: painted - keyAt, inputDelay: handledAt - keyAt, found });
          })
          .catch(reject);
      },
      { capture: true, once: true },
    );
  });
}

/** The scoped JWT inside a widget token (base64 JSON `{token, widgetUrl}`), for the references' own calls. */
export function scopedJwt(widgetToken) {
  const padded = widgetToken.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(widgetToken.length / 4) * 4, '=');
  return JSON.parse(atob(padded)).token;
}

/**
 * Keeps the main thread busy for `ms` in a function of a known name, so that a CPU profile can be lined up with
 * performance.now(): the profile's samples in `benchCalibrationSpin` fall between the returned start and end.
 */
export function benchCalibrationSpin(ms = 5) {
  const start = performance.now();
  let x = 0;
  while (performance.now() - start < ms) x += Math.sqrt(x + 1);
  return { start, end: performance.now(), x };
}
