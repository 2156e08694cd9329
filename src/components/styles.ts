import { css } from 'lit';

/**
 * Styles live in the shadow root only, so host page resets cannot reach them. Public knobs are
 * `--airbyte-connect-*` custom properties; `--_*` are private working variables. The public ones (and the
 * `part`s) are documented with `@cssprop` / `@csspart` on the element class in `airbyte-connect.ts`, where the
 * manifest generator reads them; test/package/manifest.test.ts checks that every one used here is listed there.
 * The rare field kinds and the sign-in bring their own (fields/rare-styles.ts, oauth/sign-in-kit.ts), which join the
 * element's stylesheet when their chunk arrives.
 */
/** The dark palette, used by theme="dark" and by theme="auto" when the system prefers dark. */
const dark = css`
  --_accent: var(--airbyte-connect-accent, #a5b4fc);
  --_on-accent: #111827;
  --_bg: var(--airbyte-connect-background, #111827);
  --_fg: var(--airbyte-connect-foreground, #f3f4f6);
  --_muted: #c4c9d2;
  --_line: #4b5563;
  --_soft: #1f2937;
  --_danger: #fda29b;
  --_ok: #75e0a7;
  color-scheme: dark;
`;

/**
 * Accessibility notes (WCAG 2.2 AA; test/components/a11y.browser.test.ts measures them in both themes):
 * - `--_control-line` (input borders, 3:1 against the background, WCAG 1.4.11) and `--_placeholder` (4.5:1) are
 *   mixed from the text and background colours, so they follow a custom palette.
 * - `.empty` ("No matches") is a live region that stays in place, empty while there are matches, so that it is announced.
 * - Logical properties only (test/components/logical-properties.test.ts): right-to-left locales mirror the layout,
 *   and the arrow on "Back" turns with the text.
 * - Under prefers-reduced-motion nothing moves: the spinner stands still (the live region still says what is
 *   happening), and any animation or transition added later stops too.
 */
export const styles = css`
  :host {
    --_accent: var(--airbyte-connect-accent, #4f46e5);
    --_on-accent: #fff;
    --_bg: var(--airbyte-connect-background, #fff);
    --_fg: var(--airbyte-connect-foreground, #1f2937);
    --_muted: #4b5563;
    --_line: #c9ced6;
    --_control-line: color-mix(in srgb, var(--_fg) 55%, var(--_bg));
    --_placeholder: color-mix(in srgb, var(--_fg) 70%, var(--_bg));
    --_soft: #f3f4f6;
    --_danger: #b42318;
    --_ok: #067647;
    --_radius: var(--airbyte-connect-radius, 8px);
    display: block;
    color: var(--_fg);
    font: 14px/1.45 var(--airbyte-connect-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    text-align: start;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }
  .panel, dialog { background: var(--_bg); color: var(--_fg); border-radius: var(--_radius); }
  .panel { padding: 16px; }
  dialog { padding: 0; border: 0; inline-size: min(560px, 100vw - 32px); max-block-size: calc(100vh - 32px); }
  dialog::backdrop { background: rgb(17 24 39 / 0.55); }
  .dialog-bar { display: flex; justify-content: flex-end; }
  h2 { font-size: 16px; margin-block: 16px 8px; }
  h2:focus { outline: none; }
  button, input, select, textarea { font: inherit; color: inherit; }
  button { cursor: pointer; border-radius: var(--_radius); border: 1px solid transparent; padding: 8px 14px; background: none; }
  :is(button, input, select, textarea, summary, a):focus-visible {
    outline: 2px solid var(--_accent); outline-offset: 2px;
  }
  .primary { background: var(--_accent); color: var(--_on-accent); font-weight: 600; }
  .secondary { border-color: var(--_line); background: var(--_bg); }
  .ghost { padding: 4px 8px; color: var(--_muted); }
  .danger { background: var(--_danger); color: var(--_bg); font-weight: 600; }
  .danger-text { color: var(--_danger); margin-inline-start: auto; }
  input[type='text'], input[type='password'], input[type='search'], select, textarea, .picker {
    inline-size: 100%; padding: 8px 10px; border: 1px solid var(--_control-line); border-radius: var(--_radius); background: var(--_bg);
  }
  ::placeholder { color: var(--_placeholder); opacity: 1; }
  textarea { resize: block; }
  /* as specific as the text inputs' own border rule, which it follows */
  :is(input, select, textarea)[aria-invalid='true'] { border-color: var(--_danger); }
  .tiles, .tags { list-style: none; padding: 0; }
  .tiles { margin-block: 8px 0; display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }
  .tile { inline-size: 100%; display: flex; align-items: center; gap: 10px; border-color: var(--_line); text-align: start; }
  .tile:hover { background: var(--_soft); }
  .tile .name { flex: 1; overflow-wrap: anywhere; }
  .tile .when { color: var(--_muted); font-size: 0.85em; white-space: nowrap; }
  .avatar { inline-size: 28px; block-size: 28px; flex: none; border-radius: 6px; object-fit: contain; }
  .letter { display: grid; place-items: center; background: var(--_soft); font-weight: 700; color: var(--_muted); }
  .badge { color: var(--_ok); font-weight: 700; }
  .search { margin-block-start: 4px; }
  .empty, .loading, .notice, .doing { color: var(--_muted); }
  .empty:empty, .heading-row h2, .confirm p { margin: 0; }
  .heading-row { display: flex; align-items: center; gap: 8px; }
  .field, details.optional, fieldset { margin: 14px 0; }
  .label-row { display: flex; align-items: baseline; gap: 8px; margin-block-end: 4px; }
  label { font-weight: 600; }
  .tag, .format { font-size: 12px; color: var(--_muted); }
  .format { margin-inline-start: auto; font-family: ui-monospace, monospace; }
  .hint, .error { font-size: 13px; margin-block: 4px 0; }
  .hint { color: var(--_muted); overflow-wrap: anywhere; }
  .hint p { margin-block: 0 4px; }
  .hint a { color: var(--_accent); }
  .error { color: var(--_danger); }
  .control-row { display: flex; gap: 6px; align-items: flex-start; }
  .checkbox .label-row { align-items: center; }
  fieldset { border: 1px solid var(--_line); border-radius: var(--_radius); padding-block: 4px 12px; padding-inline: 12px; min-inline-size: 0; }
  legend { font-weight: 600; padding: 0 4px; }
  .card { border: 1px solid var(--_line); border-radius: var(--_radius); padding: 8px 12px; margin: 10px 0; }
  h3 { font-size: 15px; margin-block: 6px 0; }
  .masked { -webkit-text-security: disc; }
  .picker { flex: none; inline-size: auto; }
  .branch { border-inline-start: 2px solid var(--_soft); padding-inline-start: 12px; }
  .choices { display: flex; flex-wrap: wrap; gap: 4px 16px; }
  .choice label { font-weight: 400; }
  .tags { display: flex; flex-wrap: wrap; gap: 6px; margin-block: 0 6px; }
  .chip { display: inline-flex; align-items: center; gap: 2px; background: var(--_soft); border-radius: 999px; padding-block: 2px; padding-inline: 10px 4px; }
  summary { cursor: pointer; font-weight: 600; color: var(--_muted); }
  .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-block-start: 18px; }
  .banner { border-radius: var(--_radius); padding: 10px 12px; margin: 12px 0; display: grid; gap: 2px; }
  .banner.error { background: color-mix(in srgb, var(--_danger) 12%, var(--_bg)); color: var(--_fg); border: 1px solid var(--_danger); }
  .banner.success { background: color-mix(in srgb, var(--_ok) 12%, var(--_bg)); border: 1px solid var(--_ok); }
  .confirm { border: 1px solid var(--_danger); border-radius: var(--_radius); padding: 12px; margin-block-start: 18px; }
  .done { text-align: center; padding: 24px 0; }
  .check-mark { font-size: 32px; color: var(--_ok); }
  .spinner { display: inline-block; inline-size: 16px; block-size: 16px; border: 2px solid var(--_line); border-block-start-color: var(--_accent); border-radius: 50%; animation: spin 0.8s linear infinite; margin-inline-end: 8px; vertical-align: middle; }
  @keyframes spin { to { transform: rotate(360deg); } }
  .back > span:dir(rtl) { display: inline-block; transform: scaleX(-1); }
  .visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after, :host {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
