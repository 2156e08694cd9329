import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../i18n/translate.js';
import type { SourceSummary, TemplateSummary } from '../../api/schemas.js';
import { displayName } from '../display-name.js';
import { avatar } from './avatar.js';

export interface StartViewProps {
  readonly t: Translate;
  readonly templates: readonly TemplateSummary[];
  readonly sources: readonly SourceSummary[];
  readonly search: string;
  readonly failedIcons: Set<string>;
  readonly onSearch: (text: string) => void;
  readonly onTemplate: (template: TemplateSummary) => void;
  readonly onSource: (source: SourceSummary) => void;
  readonly refresh: () => void;
}

function templateOf(source: SourceSummary) {
  return source.summarized_source_template ?? source.source_template;
}

/** The end user's connections, then every template they may connect, filtered by the search box. */
export function startView(props: StartViewProps): TemplateResult {
  const query = props.search.trim().toLocaleLowerCase();
  const shown = query ? props.templates.filter((t) => t.name.toLocaleLowerCase().includes(query)) : props.templates;
  const configured = new Set(props.sources.map((source) => templateOf(source)?.id));
  return html`<section part="start">
    ${props.sources.length
      ? html`<h2 tabindex="-1" part="heading">${props.t('yourConnections')}</h2>
          <ul class="tiles" part="sources">
            ${props.sources.map((source, i) => {
              const template = templateOf(source);
              // No date, or one that is not a date, reads as NaN: nothing is said then.
              const created = new Date(source.created_at ?? NaN);
              // The date describes the button; its name stays the source's name, which outside tools rely on.
              const when = isNaN(created.getTime()) ? undefined : props.t('connectedOn', { date: created });
              return html`<li>
                <button type="button" class="tile" part="source" aria-describedby=${when ? `when-${i}` : nothing} @click=${() => props.onSource(source)}>
                  ${avatar(template?.name ?? source.name, template?.icon, props.failedIcons, props.refresh)}
                  <span class="name" part="name">${displayName(source.name)}</span>
                  ${when ? html`<span class="when" id=${`when-${i}`} part="date" aria-hidden="true">${when}</span>` : nothing}
                </button>
              </li>`;
            })}
          </ul>`
      : nothing}
    <h2 tabindex="-1" part="heading">${props.t('addConnection')}</h2>
    <input
      class="search"
      part="search"
      type="search"
      aria-label=${props.t('search')}
      placeholder=${props.t('search')}
      .value=${props.search}
      @input=${(event: Event) => props.onSearch((event.target as HTMLInputElement).value)}
    />
    <span id="configured-note" hidden>${props.t('alreadyConnected')}</span>
    ${shown.length
      ? html`<ul class="tiles" part="templates">
          ${shown.map(
            (template) => html`<li>
              <button
                type="button"
                class="tile"
                part="template"
                aria-describedby=${configured.has(template.id) ? 'configured-note' : nothing}
                @click=${() => props.onTemplate(template)}
              >
                ${avatar(template.name, template.icon, props.failedIcons, props.refresh)}
                <span class="name" part="name">${displayName(template.name)}</span>
                ${configured.has(template.id) ? html`<span class="badge" part="badge" aria-hidden="true">✓</span>` : nothing}
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}
    <p class="empty" part="empty" role="status">${shown.length ? nothing : props.templates.length ? props.t('noMatches') : props.t('noTemplates')}</p>
  </section>`;
}
