import { css } from 'lit';

/** The styles of the rare field kinds, adopted with them (the element's own are in ../styles.ts). */
export const rareStyles = css`
  .radios { border: 0; padding: 0; }
  .radio-card, details.row { border: 1px solid var(--_line); border-radius: var(--_radius); padding: 8px 12px; margin: 10px 0; }
  .radio-card { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; align-items: center; font-weight: 400; }
  .radio-card > span { font-weight: 600; }
  .radio-card .hint { grid-column: 2; }
  .summary { font-weight: 400; }
  .mono { font-family: ui-monospace, monospace; }
`;
