// The theme editor: every control applies to the element at once (attributes for theme and locale, the element's
// style for the custom properties), and the CSS to copy is kept up to date. No inline script or style: the page
// runs under the demo's strict Content-Security-Policy. Setting properties through `element.style` is CSSOM,
// which that policy allows.

const widget = document.getElementById('widget');
const form = document.getElementById('theme-form');
const theme = document.getElementById('theme');
const locale = document.getElementById('locale');
const css = document.getElementById('css');
const markup = document.getElementById('markup');
const contrastList = document.getElementById('contrast');
const inputs = [...form.querySelectorAll('input[data-property]')];
const systemDark = matchMedia('(prefers-color-scheme: dark)');

/** Properties the user changed; the others follow the theme's defaults. */
const changed = new Set();

/** The text colour on primary buttons (fixed per theme; see the README's Theming section). */
const ON_ACCENT = { light: '#ffffff', dark: '#111827' };

function dark() {
  return theme.value === 'dark' || (theme.value === 'auto' && systemDark.matches);
}

/** Shows each unchanged input at the default of the theme in use. */
function showDefaults() {
  const mode = dark() ? 'dark' : 'light';
  for (const input of inputs) {
    if (!changed.has(input.dataset.property)) input.value = input.dataset[mode] ?? '';
  }
}

function apply() {
  if (theme.value === 'auto') widget.removeAttribute('theme');
  else widget.setAttribute('theme', theme.value);
  if (locale.value === 'en') widget.removeAttribute('locale');
  else widget.setAttribute('locale', locale.value);
  showDefaults();
  const lines = [];
  for (const input of inputs) {
    const name = input.dataset.property;
    const value = input.value.trim();
    if (changed.has(name) && value) {
      widget.style.setProperty(name, value);
      lines.push(`  ${name}: ${value};`);
    } else {
      widget.style.removeProperty(name);
    }
  }
  css.value = lines.length ? `airbyte-connect {\n${lines.join('\n')}\n}\n` : '/* The defaults: nothing to add. */\n';
  const attributes = [theme.value === 'auto' ? '' : ` theme="${theme.value}"`, locale.value === 'en' ? '' : ` locale="${locale.value}"`].join('');
  markup.value = `<airbyte-connect${attributes} token-url="/your/token/endpoint"></airbyte-connect>`;
  showContrast();
}

// ---------------------------------------------------------------------------------------------- contrast

function channels(hex) {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
}

function luminance(hex) {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function colour(name) {
  return inputs.find((input) => input.dataset.property === name).value;
}

function showContrast() {
  const accent = colour('--airbyte-connect-accent');
  const background = colour('--airbyte-connect-background');
  const foreground = colour('--airbyte-connect-foreground');
  const pairs = [
    ['Text on the background', foreground, background, 4.5],
    ['Links and the focus ring on the background', accent, background, 4.5],
    ['Button text on the accent', dark() ? ON_ACCENT.dark : ON_ACCENT.light, accent, 4.5],
  ];
  contrastList.replaceChildren(
    ...pairs.map(([what, fg, bg, min]) => {
      const value = ratio(fg, bg);
      const item = document.createElement('li');
      item.className = value >= min ? 'pass' : 'fail';
      item.textContent = `${what}: ${value.toFixed(2)}:1, ${value >= min ? 'meets' : 'below'} AA (${min}:1)`;
      return item;
    }),
  );
}

// ------------------------------------------------------------------------------------------------- wiring

form.addEventListener('input', (event) => {
  const name = event.target.dataset?.property;
  if (name) changed.add(name);
  apply();
});
form.addEventListener('change', apply);
form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('reset', () => {
  changed.clear();
  // The form resets its controls after this event: apply once they hold their defaults again.
  setTimeout(apply);
});
systemDark.addEventListener('change', apply);

apply();
