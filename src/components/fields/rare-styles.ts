/**
 * The styles of the rare field kinds, as rules that join the element's own stylesheet when the chunk arrives
 * (`fieldKinds`), so that every shadow root that adopted it has them at once. Plain strings, written compact (no
 * minifier touches them): the chunk carries no copy of Lit's `css`, and CSSOM rules apply under a CSP without
 * 'unsafe-inline'.
 */
export const fieldRules = [
  '.radios{border:0;padding:0}',
  '.radio-card,details.row{border:1px solid var(--_line);border-radius:var(--_radius);padding:8px 12px;margin:10px 0}',
  '.radio-card{display:grid;grid-template-columns:auto 1fr;gap:0 8px;align-items:center;font-weight:400}',
  '.radio-card>span{font-weight:600}',
  '.radio-card .hint{grid-column:2}',
  '.summary{font-weight:400}',
  '.mono{font-family:ui-monospace,monospace}',
];
