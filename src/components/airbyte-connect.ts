import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../api/api-error.js';
import { ApiClient, DEFAULT_API_BASE_URL } from '../api/client.js';
import type { Source, SourceSummary, SourceTemplate, TemplateSummary } from '../api/schemas.js';
import { emit, type AirbyteConnectEventDetails, type AirbyteEnvelope } from '../events/event-map.js';
import type { LocaleWords } from '../i18n/locale-words.js';
import { wordsFor } from '../i18n/locale-words-file.js';
import { plainEnglish } from '../i18n/plain-english.js';
import { addEnglish, english, translator, type MessageOverrides, type Params, type TextKey, type Translate } from '../i18n/translate.js';
import { loadOAuth } from '../oauth/load.js';
import type { SignInKit } from '../oauth/sign-in-kit.js';
import { buildForm } from '../spec/build-model.js';
import { TokenError } from '../token/token-error.js';
import { TokenKeeper } from '../token/token-keeper.js';
import type { FieldContext } from './fields/field-context.js';
import { loadFieldKinds } from './fields/load-field-kinds.js';
import { FormState } from './form-state.js';
import type { OpenForm } from './open-form.js';
import { styles } from './styles.js';
import { doneView } from './views/done-view.js';
import { banner, formView, type Banner, type FormTask } from './views/form-view.js';
import { startView } from './views/start-view.js';

/** Eight random hex digits, like the short ids Airbyte puts in default source names. */
function shortId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `error` as an ApiError, or undefined when it is something else (a TokenError, an unexpected throw). */
function apiErrorOf(error: unknown): ApiError | undefined {
  return error instanceof ApiError ? error : undefined;
}

/** Focus targets (see #focusAfterRender): a view's heading, and the first field with an error. */
const HEADING = 'h2[tabindex]';
const FIRST_INVALID = 'invalid';

/** Text made when it is shown, so that it follows the locale. */
type Said = () => string;
const silent: Said = () => '';

type View =
  | { readonly name: 'loading' }
  | { readonly name: 'start' }
  | { readonly name: 'form'; readonly form: OpenForm }
  | { readonly name: 'done'; readonly source: Source; readonly created: boolean }
  | { readonly name: 'failed'; readonly message: Said; readonly retry: boolean };

/**
 * `<airbyte-connect>`: lets an end user connect, edit and delete their data sources through Airbyte Embedded.
 * It has no slots (everything it shows comes from the API) and keeps its styles in its shadow root, out of reach
 * of the page's CSS: style it through the custom properties and parts below. Every event is a `CustomEvent`
 * that bubbles and crosses shadow roots, typed in `HTMLElementEventMap`.
 *
 * @tagname airbyte-connect
 * @summary Lets an end user connect, edit and delete their data sources through Airbyte Embedded.
 *
 * @fires {CustomEvent<{ templates: number; sources: number }>} airbyte-ready - once both lists are shown: how many templates and saved sources there are
 * @fires {CustomEvent<{ templateId: string }>} airbyte-template-select - the end user chose a template (or `template-id` opened one)
 * @fires {CustomEvent<{ status: 'succeeded' | 'failed'; message?: string }>} airbyte-check - a connection test ended
 * @fires {CustomEvent<{ source: Source; envelope: AirbyteEnvelope }>} airbyte-source-created - a source was created; envelope message `source_created`
 * @fires {CustomEvent<{ source: Source; envelope: AirbyteEnvelope }>} airbyte-source-updated - a source was saved; envelope message `source_updated`
 * @fires {CustomEvent<{ sourceId: string }>} airbyte-source-deleted - a source was deleted
 * @fires {CustomEvent<AirbyteErrorDetail>} airbyte-error - `{code, message, operation?, status?, envelope?}`; envelope message `source_create_error` / `source_update_error` where those apply
 * @fires {CustomEvent<Record<string, never>>} airbyte-token-expired - no fresh token could be had
 * @fires {CustomEvent<{ expiresAt: number }>} airbyte-token-expiring - a static token ends within a minute (`expiresAt`, epoch ms) and nothing can renew it; call `updateToken()` (extension)
 * @fires {CustomEvent<Record<string, never>>} airbyte-close - the dialog closed (Escape or "Close")
 *
 * @cssprop [--airbyte-connect-accent=#4f46e5] - primary buttons, focus ring and selection (dark theme default `#a5b4fc`)
 * @cssprop [--airbyte-connect-background=#fff] - the panel's and the inputs' background (dark theme default `#111827`)
 * @cssprop [--airbyte-connect-foreground=#1f2937] - the text colour (dark theme default `#f3f4f6`)
 * @cssprop [--airbyte-connect-radius=8px] - corner radius of the panel, dialog, buttons and inputs
 * @cssprop [--airbyte-connect-font=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - font family
 *
 * @csspart panel - the surface that holds everything (inside the dialog in dialog mode)
 * @csspart dialog - the native modal `<dialog>` (dialog mode)
 * @csspart body - the current view
 * @csspart button - every button; the ones below carry a second part name
 * @csspart primary - the main action: "Connect", "Save changes", "Done"
 * @csspart secondary - "Test connection", "Cancel" and "Continue in this tab"
 * @csspart delete - "Delete" (before the confirmation)
 * @csspart retry - "Try again"
 * @csspart add - "Add …" below a list of objects
 * @csspart remove - "Remove" on a list row, and "×" on a list value
 * @csspart replace - "Replace …" / "Cancel" beside a saved secret
 * @csspart heading - a view's heading
 * @csspart message - the sentence under the heading after saving
 * @csspart spinner - the busy indicator
 * @csspart dialog-bar - the bar holding "Close" (dialog mode)
 * @csspart banner-title - a banner's main line
 * @csspart banner-detail - a banner's detail (the server's words)
 * @csspart name - a saved source's or template's name
 * @csspart badge - the tick on a template already connected
 * @csspart empty - "No connectors match your search."
 * @csspart card-title - a form section's title
 * @csspart legend - the title of a nested object or a oneOf
 * @csspart summary - the line that folds "Optional fields" or a list row
 * @csspart optional-tag - "Optional" beside a label
 * @csspart format - the expected format beside a label (e.g. YYYY-MM-DD)
 * @csspart radio - the radio in a radio card
 * @csspart danger - "Yes, delete"
 * @csspart back - "Back"
 * @csspart close - "Close" (dialog mode)
 * @csspart reveal - "Show" / "Hide" beside a secret
 * @csspart loading - the loading message and its spinner
 * @csspart notice - says that a call is being retried
 * @csspart doing - what the busy form is doing, beside the spinner (the live region announces it)
 * @csspart banner - an error or success message
 * @csspart start - the start view: saved sources and templates
 * @csspart sources - the list of the end user's saved sources
 * @csspart source - one saved source's button
 * @csspart date - when a saved source was connected, in the locale's format
 * @csspart search - the template search box
 * @csspart templates - the list of templates
 * @csspart template - one template's button
 * @csspart icon - a template's icon, or its first letter
 * @csspart form - the connector form
 * @csspart card - a section of the form (a spec `group`)
 * @csspart field - one field: label, control, help and error
 * @csspart label - a field's label
 * @csspart input - a text, number, secret or list input
 * @csspart select - a select (an `enum`, a oneOf chooser)
 * @csspart checkbox - a boolean field's checkbox
 * @csspart picker - the native date picker beside a date field
 * @csspart hint - a field's help text
 * @csspart error - a field's error message
 * @csspart group - a nested object's fieldset
 * @csspart optional - the folded "Optional fields" section
 * @csspart radios - a oneOf shown as radio cards
 * @csspart radio-card - one radio card
 * @csspart branch - the chosen oneOf branch's fields
 * @csspart tags - the values of a list of strings
 * @csspart chip - one value of a list of strings
 * @csspart row - one item of a list of objects
 * @csspart actions - the form's buttons
 * @csspart confirm - the delete confirmation
 * @csspart done - the view shown after saving
 * @csspart auth - the "Authenticate with …" / "Re-authenticate" button (templates with `advanced_auth`)
 * @csspart auth-status - "Authenticated", once signed in
 */
export class AirbyteConnect extends LitElement {
  static override styles = styles;
  /** @internal Lit: focus is delegated to the first focusable control. */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    token: {},
    tokenUrl: { attribute: 'token-url' },
    tokenProvider: { attribute: false },
    apiBaseUrl: { attribute: 'api-base-url' },
    mode: { reflect: true },
    open: { type: Boolean, reflect: true },
    theme: { reflect: true },
    locale: {},
    messages: { attribute: false },
    templateId: { attribute: 'template-id' },
    sourceId: { attribute: 'source-id' },
    onEvent: { attribute: false },
    view: { state: true, attribute: false },
  };

  /** A widget token (base64 JSON `{token, widgetUrl}`) or a bare scoped JWT. Never reflected. */
  declare token: string | null;
  /** The host backend's endpoint that answers `{"token": "…"}` to a POST. */
  declare tokenUrl: string | null;
  /** Gives a fresh widget token when asked; same role as `token-url`. */
  declare tokenProvider: (() => Promise<string>) | null;
  /** Default `https://api.airbyte.ai/api/v1/embedded`. */
  declare apiBaseUrl: string | null;
  /** `inline` (default) or `dialog`. */
  declare mode: 'inline' | 'dialog';
  /** In dialog mode: whether the dialog is shown. */
  declare open: boolean;
  /** `light`, `dark` or `auto` (default: follows `prefers-color-scheme`). */
  declare theme: 'light' | 'dark' | 'auto';
  /**
   * A BCP 47 tag: the language of every word and the writing direction (right to left for `ar`, `he`, …).
   * Default: the page's `lang`, then `en`. Ships en, de, fr, es, pt, ja; other languages keep the layout of their
   * script and English words unless `messages` supplies them. Switching keeps everything typed.
   */
  declare locale: string | null;
  /** Replaces any message by key (see the catalog in the README), for wording of your own or a language we do not ship. */
  declare messages: MessageOverrides | null;
  /** Deep link: open this template's form directly. */
  declare templateId: string | null;
  /** Deep link: open this saved source for editing. */
  declare sourceId: string | null;
  /** Receives Airbyte's envelope `{type: "end_user_action_result", message, data | error}` for each outcome. */
  declare onEvent: ((envelope: AirbyteEnvelope | { type: 'end_user_action_result'; message: 'source_deleted'; data: { id: string } }) => void) | null;
  /** The view shown: internal Lit state, never an attribute. */
  declare private view: View;

  readonly #keeper = new TokenKeeper(
    () => ({ token: this.token, tokenUrl: this.tokenUrl, tokenProvider: this.tokenProvider }),
    (session) => this.#emit('airbyte-token-expiring', { expiresAt: session.expiresAt! }),
  );
  #api?: ApiClient;
  #workspaceId?: string;
  #templates: TemplateSummary[] = [];
  #sources: SourceSummary[] = [];
  #search = '';
  #failedIcons = new Set<string>();
  /** Forms by template or source, kept for the page's lifetime so leaving and returning loses nothing. */
  #forms = new Map<string, OpenForm>();
  #task: FormTask;
  /** Events raised while a task ran, dispatched once it has ended. */
  readonly #afterTask: (() => void)[] = [];
  #banner?: Banner;
  #confirmingDelete = false;
  #status: Said = silent;
  /** Said beside the spinner while busy: that a call is being retried. Cleared when the work ends. */
  #notice: Said = silent;
  #loads?: AbortController;
  /** Aborted when the element leaves the page: no request, state change or event outlives it. */
  #life = new AbortController();
  #opener: Element | null = null;
  /** What gets focus after the next render: a selector, or FIRST_INVALID (the first control of the field showing the first error). */
  #focusAfterRender?: string;
  /** The words in use, and the locale and direction they belong to. */
  #t: Translate = english;
  #lang = 'en';
  /** '' (the page's direction) until a locale is in use: seen only on a page in another language, waiting for chunks/locale.js. */
  #dir: 'ltr' | 'rtl' | '' = '';
  /** Ignores words that arrive after the locale changed again. */
  #localeRequest = 0;
  /** Signing in (the sign-in chunk's), once a form needed it. */
  #signIn?: SignInKit;

  constructor() {
    super();
    this.token = null;
    this.tokenUrl = null;
    this.tokenProvider = null;
    this.apiBaseUrl = null;
    this.mode = 'inline';
    this.open = false;
    this.theme = 'auto';
    this.locale = null;
    this.messages = null;
    this.templateId = null;
    this.sourceId = null;
    this.onEvent = null;
    this.view = { name: 'loading' };
  }

  /** Opens the dialog (dialog mode); same as setting `open`. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog (dialog mode); `airbyte-close` fires once it has closed. */
  close(): void {
    this.open = false;
  }

  /**
   * Hands over a new widget token; the element carries on where it was.
   * @param token - a widget token or a bare scoped JWT, as for the `token` attribute
   */
  updateToken(token: string): void {
    this.token = token;
  }

  /** Reloads both lists; an open form stays open and typed input is kept. Settles once the lists, or what went wrong, are shown. */
  reload(): Promise<void> {
    return this.#start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#life.signal.aborted) this.#life = new AbortController();
    // Leaving the page would lose what the user typed and did not save: let the browser ask first. The element's
    // life removes the listener when it leaves the page.
    window.addEventListener(
      'beforeunload',
      (event) => {
        if ([...this.#forms.values()].some((form) => form.state.dirty)) event.preventDefault();
      },
      { signal: this.#life.signal },
    );
    this.#keeper.resume();
    if (this.hasUpdated) void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loads?.abort();
    this.#life.abort();
    this.#keeper.pause();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') && this.token) {
      const wasStuck = this.view.name === 'failed' || this.view.name === 'loading';
      try {
        this.#keeper.set(this.token);
      } catch {
        // Reported by #start, where the view can show it.
      }
      if (wasStuck && this.hasUpdated) void this.#start();
    }
    if (changed.has('apiBaseUrl')) this.#api = undefined;
    if (changed.has('locale') || changed.has('messages')) this.#applyLocale();
  }

  /** `key` in the current locale, made when shown. */
  #say(key: TextKey, params?: Params): Said {
    return () => this.#t(key, params);
  }

  /**
   * Puts the requested locale to use. Plain English at once; any other locale once `chunks/locale.js` and its
   * catalog are here, direction and words together: until then the previous ones stay, so nothing flickers and no
   * words show in another script's direction. Open forms keep their values and re-word their errors.
   */
  #applyLocale(): void {
    const pageLang = this.closest('[lang]')?.getAttribute('lang');
    const plain = plainEnglish(this.locale || pageLang || 'en');
    const request = ++this.#localeRequest;
    const use = ({ locale, dir, language, catalog, failure }: LocaleWords) => {
      if (request !== this.#localeRequest) return;
      this.#dir = dir;
      this.#t = translator(locale, catalog, this.messages);
      this.#lang = language || this.messages ? locale : 'en';
      for (const form of this.#forms.values()) form.state.translate(this.#t);
      this.requestUpdate();
      if (failure) this.#emit('airbyte-error', { code: 'locale_unavailable', message: failure });
    };
    if (plain) return use({ locale: plain, dir: 'ltr', language: 'en' });
    // Only the chunk not arriving rejects: the direction is unknown then, the words are English, and the page is
    // told what did not arrive.
    wordsFor(this.locale, pageLang).then(use, (error: unknown) => use({ locale: 'en', dir: 'ltr', failure: String(error) }));
  }

  protected override firstUpdated(): void {
    void this.#start();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && changed.has('open')) {
      if (this.open && !dialog.open) {
        this.#opener = document.activeElement;
        dialog.showModal();
      } else if (!this.open && dialog.open) {
        dialog.close();
      }
    }
    const focus = this.#focusAfterRender;
    if (!focus) return;
    this.#focusAfterRender = undefined;
    const target =
      focus === FIRST_INVALID
        ? this.renderRoot.querySelector('form p.error')?.closest('.field, fieldset')?.querySelector<HTMLElement>('input, select, textarea, button')
        : this.renderRoot.querySelector<HTMLElement>(focus);
    target?.focus();
  }

  get #client(): ApiClient {
    this.#api ??= new ApiClient({
      baseUrl: this.apiBaseUrl ?? undefined,
      token: async (fresh) => (await this.#keeper.session(fresh)).jwt,
      onRetry: () => {
        this.#notice = this.#status = this.#say('retrying');
        this.requestUpdate();
      },
    });
    return this.#api;
  }

  #emit<K extends keyof AirbyteConnectEventDetails>(type: K, detail: AirbyteConnectEventDetails[K]): void {
    // Raised during a task, an event waits until the task has ended: a listener then sees a ready form.
    if (this.#task) return void this.#afterTask.push(() => this.#emit(type, detail));
    if (!this.isConnected) return;
    emit(this, type, detail);
    const envelope = (detail as { envelope?: AirbyteEnvelope }).envelope;
    if (envelope) this.onEvent?.(envelope);
  }

  async #start(): Promise<void> {
    this.#loads?.abort();
    const loads = (this.#loads = new AbortController());
    if (!this.token && !this.tokenUrl && !this.tokenProvider) return;
    if (this.view.name !== 'form' && this.view.name !== 'loading') this.view = { name: 'loading' };
    this.#notice = silent;
    try {
      const session = await this.#keeper.session();
      this.#workspaceId = session.workspaceId ?? (await this.#client.getTokenInfo(loads.signal)).workspace_id;
      const [templates, sources] = await Promise.all([
        this.#client.listSourceTemplates(this.#workspaceId, loads.signal),
        this.#client.listSources(this.#workspaceId, loads.signal),
      ]);
      if (loads.signal.aborted) return;
      this.#templates = templates;
      this.#sources = sources;
      if (this.view.name !== 'form') this.view = { name: 'start' };
      await this.updateComplete;
      this.#emit('airbyte-ready', { templates: templates.length, sources: sources.length });
      if (!(await this.#resumeSignIn())) await this.#openDeepLink();
    } catch (error) {
      if (loads.signal.aborted) return;
      this.#fail(error);
    }
  }

  async #openDeepLink(): Promise<OpenForm | undefined> {
    if (this.view.name !== 'start') return;
    if (this.sourceId) return this.#openSource(this.sourceId);
    const only = this.#templates.length === 1 && this.#sources.length === 0 ? this.#templates[0] : undefined;
    const templateId = this.templateId ?? only?.id;
    if (templateId) return this.#openTemplate(templateId);
  }

  /** Shows a failure that leaves no form to keep: token problems and failed loads. */
  #fail(error: unknown): void {
    if (error instanceof TokenError || (error instanceof ApiError && error.code === 'token_expired')) {
      this.view = { name: 'failed', message: this.#say(error.code === 'token_expired' ? 'expiredToken' : 'invalidToken'), retry: false };
    } else {
      const apiError = apiErrorOf(error);
      this.view = { name: 'failed', message: () => `${this.#t('couldNotLoad')} ${apiError ? this.#t(`error.${apiError.code}`) : ''}`.trim(), retry: true };
    }
    this.#reportError(error);
  }

  /** Every failure reaches the page the same way: `airbyte-error`, and `airbyte-token-expired` when that is why. */
  #reportError(error: unknown, envelopeMessage?: 'source_create_error' | 'source_update_error'): void {
    const apiError = apiErrorOf(error);
    const code = apiError?.code ?? (error instanceof TokenError ? error.code : 'unknown_error');
    // In English whatever the locale: events are read by the page's code, like `code`.
    const message = apiError ? (apiError.detail ?? english(`error.${apiError.code}`)) : String((error as Error)?.message ?? error);
    this.#emit('airbyte-error', {
      code,
      message,
      operation: apiError?.operation,
      status: apiError?.status,
      envelope: envelopeMessage
        ? { type: 'end_user_action_result', message: envelopeMessage, error: { name: apiError?.name ?? 'Error', message } }
        : undefined,
    });
    if (code === 'token_expired') this.#emit('airbyte-token-expired', {});
  }

  /** Shows the template's form, loading it first if need be; resolves to it, or undefined when it did not open. */
  #openTemplate(templateId: string): Promise<OpenForm | undefined> {
    this.#emit('airbyte-template-select', { templateId });
    return this.#openForm(`template:${templateId}`, async (signal) => ({ template: await this.#client.getSourceTemplate(templateId, signal) }));
  }

  /** The same for a saved source. */
  #openSource(sourceId: string): Promise<OpenForm | undefined> {
    return this.#openForm(`source:${sourceId}`, async (signal) => {
      const source = await this.#client.getSource(sourceId, signal);
      return { template: source.source_template, source };
    });
  }

  /** Shows the form kept under `key`, or else one made from what `load` fetches. */
  async #openForm(key: string, load: (signal: AbortSignal) => Promise<{ template: SourceTemplate; source?: Source }>): Promise<OpenForm | undefined> {
    let form = this.#forms.get(key);
    if (!form) {
      const loads = this.#loads ?? new AbortController();
      this.view = { name: 'loading' };
      try {
        const { template, source } = await load(loads.signal);
        const { connectionSpecification, advanced_auth } = template.user_config_spec;
        let model = buildForm(connectionSpecification);
        // A chunk of code the form needs that does not arrive fails like the call that fetched the form.
        const unreachable = () => {
          throw new ApiError('network_error', source ? 'get_source' : 'get_source_template');
        };
        // Both at once: the code for the form's rarer field kinds, and the sign-in chunk that a template with
        // `advanced_auth` needs (it reads it) before its form can show.
        const [, signIn] = await Promise.all([loadFieldKinds(model), advanced_auth ? this.#signInKit() : undefined]).catch(unreachable);
        if (loads.signal.aborted) return; // the lists were loaded again meanwhile: this form is no longer wanted
        if (signIn) model = signIn.withAuth(model, advanced_auth);
        form = { template, source, state: new FormState(model, source?.source_config, this.#t) };
        this.#forms.set(key, form);
      } catch (error) {
        if (loads.signal.aborted) return;
        // Back to the list, saying plainly why nothing opened.
        this.#go({ name: 'start' });
        this.#callFailed(error);
        return;
      }
    }
    this.#go({ name: 'form', form });
    return form;
  }

  /** Moves to another view, its heading focused; the old banner goes. */
  #go(view: View): void {
    this.#banner = undefined;
    this.#confirmingDelete = false;
    this.view = view;
    this.#focusAfterRender = HEADING;
  }

  #backToStart(status: Said = silent): void {
    this.#status = status;
    this.#go({ name: 'start' });
  }

  /** Marks the form submitted; when it is invalid, says so and moves focus to the first problem. */
  #readyToSend(form: OpenForm): boolean {
    const { state } = form;
    state.submitted = true;
    // With a sign-in, the sign-in kit counts: errors of its outputs (out of view) become one missing sign-in.
    const [problems, signInMissing] = this.#signIn?.problems(form) ?? [state.validate().size, false];
    if (!problems && !signInMissing) return true;
    this.#banner = { tone: 'error', title: problems ? this.#say('fixFields', { count: problems + Number(signInMissing) }) : this.#say('authRequired') };
    this.#focusAfterRender = FIRST_INVALID;
    this.requestUpdate();
    return false;
  }

  /** The sign-in chunk's kit, made once, with what the element lends it. */
  async #signInKit(): Promise<SignInKit> {
    const { signInKit, enSignIn } = await loadOAuth();
    addEnglish(enSignIn);
    return (this.#signIn ??= signInKit({
      api: () => this.#client,
      apiBaseUrl: () => this.apiBaseUrl ?? DEFAULT_API_BASE_URL,
      t: () => this.#t,
      english,
      life: () => this.#life.signal,
      status: (said) => (this.#status = said),
      update: (focusInvalid) => {
        if (focusInvalid) this.#focusAfterRender = FIRST_INVALID;
        this.requestUpdate();
      },
      error: (detail) => this.#emit('airbyte-error', detail),
      open: (templateId, sourceId) => (sourceId ? this.#openSource(sourceId) : this.#openTemplate(templateId)),
      lit: { html, nothing },
      sheet: styles.styleSheet,
    }));
  }

  /**
   * A return from a same-tab sign-in: the kit reopens its form and finishes signing in (true: it took over from the
   * deep link). A look at the URL first, so that a page without the provider's `state` never fetches the chunk.
   */
  async #resumeSignIn(): Promise<boolean> {
    return new URLSearchParams(location.search).has('state') && (await this.#signInKit()).resume();
  }

  /**
   * Runs one form task (nothing when one is running). A failure keeps every value, explains, and puts server
   * complaints on their fields, with `envelopeMessage` for the page's `onEvent`.
   */
  async #run(
    form: OpenForm,
    task: Exclude<FormTask, undefined>,
    status: Said,
    work: (signal: AbortSignal) => Promise<void>,
    envelopeMessage?: 'source_create_error' | 'source_update_error',
  ): Promise<void> {
    if (this.#task) return;
    const life = this.#life.signal;
    this.#task = task;
    this.#notice = silent;
    this.#status = status;
    this.#banner = undefined;
    this.requestUpdate();
    try {
      await work(life);
    } catch (error) {
      if (!life.aborted) {
        const fieldIssues = apiErrorOf(error)?.fieldIssues;
        if (fieldIssues?.length) {
          form.state.setServerErrors(fieldIssues);
          this.#focusAfterRender = FIRST_INVALID;
        }
        this.#callFailed(error, envelopeMessage);
      }
    } finally {
      this.#task = undefined;
      this.#notice = silent;
      const announce = this.#afterTask.splice(0);
      if (!life.aborted) {
        this.requestUpdate();
        for (const event of announce) event();
      }
    }
  }

  /** A failed call: a banner explains (the live region says it too), and the page is told. */
  #callFailed(error: unknown, envelopeMessage?: 'source_create_error' | 'source_update_error'): void {
    const apiError = apiErrorOf(error);
    const title = this.#say(`error.${apiError?.code ?? 'invalid_response'}`);
    this.#status = title;
    this.#banner = { tone: 'error', title, detail: apiError?.detail };
    this.#reportError(error, envelopeMessage);
  }

  #check(form: OpenForm): void {
    if (!this.#readyToSend(form)) return;
    void this.#run(
      form,
      'check',
      this.#say('testing'),
      async (signal) => {
        const config = form.state.submitValue();
        const result = await this.#client.checkSource(
          form.source
            ? { source_id: form.source.id, source_config: config }
            : { source_template_id: form.template.id, source_config: config },
          signal,
        );
        const ok = result.status === 'succeeded';
        const message = result.message ?? undefined;
        this.#banner = { tone: ok ? 'success' : 'error', title: this.#say(ok ? 'checkSucceeded' : 'checkFailed'), detail: message };
        this.#status = () => `${this.#t(ok ? 'checkSucceeded' : 'checkFailed')} ${ok ? '' : (message ?? '')}`.trim();
        this.#emit('airbyte-check', message ? { status: result.status, message } : { status: result.status });
      },
    );
  }

  #save(form: OpenForm): void {
    if (!this.#readyToSend(form)) return;
    const editing = Boolean(form.source);
    void this.#run(
      form,
      'save',
      this.#say(editing ? 'saving' : 'connecting'),
      async (signal) => {
        const config = form.state.submitValue();
        const source = form.source
          ? await this.#client.updateSource(form.source.id, config, signal)
          : await this.#client.createSource(
              {
                workspace_id: this.#workspaceId,
                source_template_id: form.template.id,
                source_config: config,
                // A name of our own makes this create recognisable if its answer is lost.
                name: `${form.template.name} - ${shortId()}`,
              },
              { signal, knownSourceIds: this.#sources.map((s) => s.id) },
            );
        this.#forms.delete(editing ? `source:${source.id}` : `template:${form.template.id}`);
        // What the start view reads of a listed source (its template through `source_template`, as some lists give it).
        const { id, name, source_template } = source;
        const summary: SourceSummary = { id, name, source_template };
        this.#sources = editing ? this.#sources.map((s) => (s.id === source.id ? summary : s)) : [...this.#sources, summary];
        this.view = { name: 'done', source, created: !editing };
        this.#status = this.#say(editing ? 'updatedTitle' : 'createdTitle', { name: source.name });
        this.#focusAfterRender = HEADING;
        const message = editing ? 'source_updated' : 'source_created';
        const envelope: AirbyteEnvelope = { type: 'end_user_action_result', message, data: source };
        this.#emit(editing ? 'airbyte-source-updated' : 'airbyte-source-created', { source, envelope });
      },
      editing ? 'source_update_error' : 'source_create_error',
    );
  }

  #delete(form: OpenForm): void {
    const source = form.source!;
    this.#confirmingDelete = false;
    void this.#run(form, 'delete', this.#say('deleting'), async (signal) => {
      await this.#client.deleteSource(source.id, signal);
      this.#forms.delete(`source:${source.id}`);
      this.#sources = this.#sources.filter((s) => s.id !== source.id);
      this.#backToStart(this.#say('deleted', { name: source.name }));
      this.#emit('airbyte-source-deleted', { sourceId: source.id });
      this.#afterTask.push(() => this.onEvent?.({ type: 'end_user_action_result', message: 'source_deleted', data: { id: source.id } }));
    });
  }

  #renderView(): TemplateResult {
    const view = this.view;
    switch (view.name) {
      case 'loading':
        return html`<p class="loading" part="loading"><span class="spinner" part="spinner" aria-hidden="true"></span>${this.#t('loading')}</p>
          ${this.#notice() ? html`<p class="notice" part="notice">${this.#notice()}</p>` : nothing}`;
      case 'failed':
        return html`${banner({ tone: 'error', title: view.message })}
          ${view.retry ? html`<button type="button" class="secondary" part="button retry" @click=${() => this.reload()}>${this.#t('tryAgain')}</button>` : nothing}`;
      case 'done':
        return doneView(view.source.name, view.created, () => this.#backToStart(), this.#t);
      case 'start':
        return html`${banner(this.#banner)}${startView({
          t: this.#t,
          templates: this.#templates,
          sources: this.#sources,
          search: this.#search,
          failedIcons: this.#failedIcons,
          onSearch: (text) => {
            this.#search = text;
            this.requestUpdate();
          },
          onTemplate: (template) => void this.#openTemplate(template.id),
          onSource: (source) => void this.#openSource(source.id),
          refresh: () => this.requestUpdate(),
        })}`;
      case 'form': {
        const { form } = view;
        const ctx: FieldContext = { state: form.state, editing: Boolean(form.source), update: () => this.requestUpdate(), t: this.#t, auth: this.#signIn?.view(form) };
        return formView({
          template: form.template,
          sourceName: form.source?.name,
          ctx,
          task: this.#task,
          banner: this.#banner,
          notice: this.#notice,
          doing: this.#status,
          confirmingDelete: this.#confirmingDelete,
          onBack: () => this.#backToStart(),
          onCheck: () => this.#check(form),
          onSubmit: () => this.#save(form),
          onDelete: () => {
            this.#confirmingDelete = true;
            // Focus never falls to the page when the button that had it goes away: to "Cancel" now, back to "Delete" after.
            this.#focusAfterRender = '.confirm .secondary';
            this.requestUpdate();
          },
          onConfirmDelete: (confirmed) => {
            this.#focusAfterRender = '.actions .danger-text';
            if (confirmed) this.#delete(form);
            else {
              this.#confirmingDelete = false;
              this.requestUpdate();
            }
          },
        });
      }
    }
  }

  protected override render(): TemplateResult {
    const body = html`<div class="body" part="body">${this.#renderView()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#status()}</div>`;
    if (this.mode !== 'dialog') return html`<div class="panel" part="panel" lang=${this.#lang} dir=${this.#dir}>${body}</div>`;
    return html`<dialog
      part="dialog"
      aria-label=${this.#t('dialogLabel')}
      @close=${(event: Event) => {
        // The close event is queued: by the time it runs the dialog may have been shown again.
        if ((event.target as HTMLDialogElement).open) return;
        this.open = false;
        this.#closed();
      }}
    >
      <div class="panel" part="panel" lang=${this.#lang} dir=${this.#dir}>
        <div class="dialog-bar" part="dialog-bar">
          <button type="button" class="ghost" part="button close" @click=${() => this.close()}>${this.#t('close')}</button>
        </div>
        ${body}
      </div>
    </dialog>`;
  }

  #closed(): void {
    this.#emit('airbyte-close', {});
    const opener = this.#opener as HTMLElement | null;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'airbyte-connect': AirbyteConnect;
  }
}

