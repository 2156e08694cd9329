import { html, type TemplateResult } from 'lit';
import { safeIconUrl } from '../safe-url.js';

/** A connector's icon, or its first letter when there is no usable icon or it fails to load. */
export function avatar(name: string, icon: string | null | undefined, failed: Set<string>, onFail: () => void): TemplateResult {
  const url = safeIconUrl(icon);
  if (url && !failed.has(url)) {
    return html`<img class="avatar" part="icon" src=${url} alt="" loading="lazy" referrerpolicy="no-referrer" @error=${() => {
      failed.add(url);
      onFail();
    }} />`;
  }
  const letter = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return html`<span class="avatar letter" part="icon" aria-hidden="true">${letter}</span>`;
}
