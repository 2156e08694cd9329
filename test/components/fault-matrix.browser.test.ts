// The fault matrix: each fault injected at each step of the flow, against the real sandbox. Every cell checks what
// an end user relies on: the right words on screen (or plain success), their input still there, the events a host
// page reacts to, and afterwards exactly the sources that should exist: never lose a keystroke, never a duplicate.
import { expect, fixture, html } from '@open-wc/testing';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import {
  alertText,
  click,
  control,
  createTemplate,
  hasButton,
  heading,
  operator,
  sandboxInfo,
  sourcesOf,
  statusText,
  type,
  uniqueName,
  until,
  widgetToken,
} from '../support/browser.js';
import { testSpec } from './test-spec.js';

const API = '/api/v1/embedded';
/** Long enough to look at the busy state halfway through, short enough for seven cells. */
const DELAY_MS = 1500;
const PERSISTENT_TIMES = 10;

type Outcome = 'ok' | 'server_error' | 'network_error' | 'rate_limited' | 'token_expired';

/** What a person reads for each failure (the English defaults). */
const WORDS: Record<Exclude<Outcome, 'ok'>, string> = {
  server_error: 'server had a problem',
  network_error: 'couldn’t reach',
  rate_limited: 'Too many requests',
  token_expired: 'session has expired',
};

interface FaultKind {
  readonly name: string;
  readonly settings: Record<string, unknown>;
  /** For a create, when it differs (a dropped create is the ambiguous kind: done, answer lost). */
  readonly createSettings?: Record<string, unknown>;
  /** For the start-up load, which makes two calls at once (each may use the fault). */
  readonly loadSettings?: Record<string, unknown>;
  /** How a step the client may repeat ends, and how a create (never repeated) ends. */
  readonly repeatable: Outcome;
  readonly create: Outcome;
}

const LATENCY: FaultKind = { name: 'latency', settings: { delay_ms: DELAY_MS }, repeatable: 'ok', create: 'ok' };
const TRANSIENT: FaultKind = {
  name: 'a transient 503',
  settings: { status: 503, body: { detail: 'Service unavailable' }, times: 1 },
  repeatable: 'ok',
  create: 'server_error',
};
const PERSISTENT: FaultKind = {
  name: 'a persistent 500',
  settings: { status: 500, body: { detail: 'Internal error' }, times: PERSISTENT_TIMES },
  repeatable: 'server_error',
  create: 'server_error',
};
const RATE_LIMITED: FaultKind = {
  name: '429 with Retry-After: 1',
  settings: { status: 429, headers: { 'retry-after': '1' }, body: { detail: 'Rate limit exceeded' }, times: 1 },
  repeatable: 'ok',
  create: 'rate_limited',
};
const DROPPED: FaultKind = {
  name: 'a dropped connection',
  // Chrome re-sends once on its own when a reused connection drops: enough times for every attempt.
  settings: { drop: true, times: 20 },
  createSettings: { drop: true, when: 'after', times: 5 },
  repeatable: 'network_error',
  create: 'ok',
};
const EXPIRED: FaultKind = {
  name: 'an expired token',
  // Twice: the first answer, then the one retry with a fresh token from the page.
  settings: { status: 401, body: { detail: 'Token expired' }, times: 2 },
  loadSettings: { status: 401, body: { detail: 'Token expired' }, times: 4 },
  repeatable: 'token_expired',
  create: 'token_expired',
};
const FAULTS = [LATENCY, TRANSIENT, PERSISTENT, RATE_LIMITED, DROPPED, EXPIRED];

/** What a saved source holds when a test starts with one. */
const SAVED = { host: 'saved.acme.test', port: 5432, password: 's3cr3t-saved', tunnel: { method: 'NONE' } };
const TYPED = { host: 'db.acme.test', password: 's3cr3t-typed' };
const EDITED_HOST = 'db2.acme.test';

interface World {
  readonly a: { id: string; name: string };
  readonly b: { id: string; name: string };
  readonly workspace: string;
  readonly token: string;
  /** Widget tokens are deterministic within a second: pass `expires_in_seconds` for one that differs. */
  readonly mint: (extra?: Record<string, unknown>) => Promise<string>;
  readonly source?: { id: string; name: string };
}

interface Scene {
  readonly w: World;
  el: AirbyteConnect;
  readonly log: CustomEvent[];
}

const LOGGED = [
  'airbyte-ready',
  'airbyte-error',
  'airbyte-token-expired',
  'airbyte-check',
  'airbyte-source-created',
  'airbyte-source-updated',
  'airbyte-source-deleted',
];

async function api(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const { apiBaseUrl } = await sandboxInfo();
  const response = await fetch(`${apiBaseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${JSON.parse(atob(token)).token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Two templates under one tag (so nothing opens on its own), a fresh workspace, and maybe a saved source. */
async function world(withSource: boolean): Promise<World> {
  const tag = uniqueName('tag');
  const a = await createTemplate(testSpec, uniqueName('Alpha DB'), tag);
  const b = await createTemplate(testSpec, uniqueName('Beta DB'), tag);
  const workspace = uniqueName('ws');
  const mint = (extra: Record<string, unknown> = {}) =>
    widgetToken({ workspace_name: workspace, selected_source_template_tags: [tag], ...extra });
  const token = await mint();
  const source = withSource
    ? await api(token, 'POST', '/sources', { source_template_id: a.id, name: uniqueName('Warehouse'), source_config: SAVED })
    : undefined;
  return { a, b, workspace, token, mint, source };
}

/** A fault aimed at this workspace only; `remaining` tells how many of its times are left unused. */
async function inject(body: Record<string, unknown>) {
  const result = await operator('POST', '/api/v1/sandbox/faults', body);
  if (result.status !== 201) throw new Error(`fault: ${result.status} ${JSON.stringify(result.body)}`);
  const id: string = result.body.id;
  return {
    times: result.body.times as number,
    remaining: async (): Promise<number> => {
      const listed = await operator('GET', '/api/v1/sandbox/faults');
      return listed.body.data.find((f: { id: string }) => f.id === id)?.times ?? 0;
    },
    clear: async () => void (await operator('DELETE', `/api/v1/sandbox/faults/${id}`)),
  };
}

/** Mounts the element with the page's token and a provider for fresh ones, logging every outcome event. */
async function place(s: Scene): Promise<void> {
  const { apiBaseUrl } = await sandboxInfo();
  const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect>`);
  for (const name of LOGGED) el.addEventListener(name, (event) => s.log.push(event as CustomEvent));
  s.el = el;
  el.tokenProvider = () => s.w.mint();
  el.token = s.w.token;
  await el.updateComplete;
}

const details = (s: Scene, name: string) => s.log.filter((e) => e.type === name).map((e) => e.detail);
const fired = (s: Scene, name: string) => details(s, name).length > 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** What is on screen (the live region for screen readers sits outside the body and is visually hidden). */
const shownText = (el: AirbyteConnect) => text(el.shadowRoot!.querySelector('.body'));
const loading = (el: AirbyteConnect) => text(el.shadowRoot!.querySelector('.loading')).includes('Loading');
const formBusy = (el: AirbyteConnect, words: string) =>
  el.shadowRoot!.querySelector('form')?.getAttribute('aria-busy') === 'true' && statusText(el).includes(words);

async function ready(s: Scene): Promise<void> {
  await until(s.el, () => fired(s, 'airbyte-ready'), 'the lists load');
}

async function openTemplate(s: Scene, template: { name: string }): Promise<void> {
  await click(s.el, template.name);
  await until(s.el, () => heading(s.el) === template.name && hasButton(s.el, 'Connect'), `the ${template.name} form opens`);
}

async function openSource(s: Scene): Promise<void> {
  await click(s.el, s.w.source!.name);
  await until(s.el, () => hasButton(s.el, 'Save changes'), 'the edit form opens');
}

async function fill(el: AirbyteConnect): Promise<void> {
  await type(el, 'Host', TYPED.host);
  await type(el, 'Password', TYPED.password);
}

function expectTyped(el: AirbyteConnect): void {
  expect(control(el, 'Host').value, 'Host').to.equal(TYPED.host);
  expect(control(el, 'Password').value, 'Password').to.equal(TYPED.password);
  expect(control(el, 'Port').value, 'Port').to.equal('5432');
}

/** The other template's form, typed into before the faulty step, is still as the user left it. */
async function otherFormIntact(s: Scene): Promise<void> {
  if (hasButton(s.el, 'Back')) await click(s.el, 'Back');
  await openTemplate(s, s.w.b);
  expectTyped(s.el);
}

/** Type into template B's form and go back to the list, so a failure elsewhere has something to lose. */
async function typeIntoOtherForm(s: Scene, then: string): Promise<void> {
  await place(s);
  await ready(s);
  await openTemplate(s, s.w.b);
  await fill(s.el);
  await click(s.el, 'Back');
  await until(s.el, () => hasButton(s.el, then), 'back at the list');
}

async function savedHost(s: Scene): Promise<string> {
  return (await api(s.w.token, 'GET', `/sources/${s.w.source!.id}`)).source_config.host;
}

interface Step {
  readonly name: string;
  readonly repeatable: boolean;
  readonly operations: readonly string[];
  readonly envelope?: string;
  readonly withSource: boolean;
  target(w: World): { path: string; method: string };
  /** Everything up to the moment of the faulty call. */
  before(s: Scene): Promise<void>;
  act(s: Scene): Promise<void>;
  busy(s: Scene): boolean;
  /** Optional: what an impatient user does while it is busy (it must not do harm). */
  whileBusy?(s: Scene): Promise<void>;
  done(s: Scene): boolean;
  /** The screen after a failure: the place the user can carry on from. */
  failedScreen(s: Scene, outcome: Outcome): boolean;
  intact(s: Scene, ok: boolean): Promise<void>;
  sources(s: Scene, ok: boolean): string[];
}

const STEPS: Step[] = [
  {
    name: 'load',
    repeatable: true,
    operations: ['list_source_templates', 'list_sources'],
    withSource: false,
    target: () => ({ path: `${API}/source*`, method: 'GET' }),
    before: async () => {},
    act: (s) => place(s),
    busy: (s) => loading(s.el),
    done: (s) => fired(s, 'airbyte-ready') && hasButton(s.el, s.w.a.name) && hasButton(s.el, s.w.b.name),
    failedScreen: (s, outcome) => hasButton(s.el, 'Try again') === (outcome !== 'token_expired'),
    intact: async () => {}, // nothing typed yet; "load again with a form open" below covers typed input
    sources: () => [],
  },
  {
    name: 'open',
    repeatable: true,
    operations: ['get_source_template'],
    withSource: false,
    target: (w) => ({ path: `${API}/source-templates/${w.a.id}`, method: 'GET' }),
    before: (s) => typeIntoOtherForm(s, s.w.a.name),
    act: (s) => click(s.el, s.w.a.name),
    busy: (s) => loading(s.el),
    done: (s) => heading(s.el) === s.w.a.name && hasButton(s.el, 'Connect'),
    failedScreen: (s) => hasButton(s.el, s.w.a.name),
    intact: (s) => otherFormIntact(s),
    sources: () => [],
  },
  {
    name: 'check',
    repeatable: true,
    operations: ['check_source'],
    withSource: false,
    target: () => ({ path: `${API}/sources/check`, method: 'POST' }),
    before: async (s) => {
      await place(s);
      await ready(s);
      await openTemplate(s, s.w.a);
      await fill(s.el);
    },
    act: (s) => click(s.el, 'Test connection'),
    busy: (s) => formBusy(s.el, 'Testing'),
    done: (s) => details(s, 'airbyte-check').some((d) => d.status === 'succeeded') && statusText(s.el).includes('succeeded'),
    failedScreen: (s) => hasButton(s.el, 'Connect'),
    intact: async (s) => expectTyped(s.el),
    sources: () => [],
  },
  {
    name: 'create',
    repeatable: false,
    operations: ['create_source'],
    envelope: 'source_create_error',
    withSource: false,
    target: () => ({ path: `${API}/sources`, method: 'POST' }),
    before: async (s) => {
      await place(s);
      await ready(s);
      await openTemplate(s, s.w.a);
      await fill(s.el);
    },
    act: (s) => click(s.el, 'Connect'),
    busy: (s) => formBusy(s.el, 'Connecting'),
    whileBusy: (s) => click(s.el, 'Connect'), // a second click while it is busy must not make a second source
    done: (s) => fired(s, 'airbyte-source-created') && heading(s.el).includes('is connected'),
    failedScreen: (s) => hasButton(s.el, 'Connect'),
    intact: async (s, ok) => {
      if (!ok) return expectTyped(s.el);
      const [{ source }] = details(s, 'airbyte-source-created');
      const saved = await api(s.w.token, 'GET', `/sources/${source.id}`);
      expect(saved.source_config.host, 'the saved Host').to.equal(TYPED.host);
    },
    sources: (s, ok) => (ok ? details(s, 'airbyte-source-created').map((d) => d.source.id) : []),
  },
  {
    name: 'edit-load',
    repeatable: true,
    operations: ['get_source'],
    withSource: true,
    target: (w) => ({ path: `${API}/sources/${w.source!.id}`, method: 'GET' }),
    before: (s) => typeIntoOtherForm(s, s.w.source!.name),
    act: (s) => click(s.el, s.w.source!.name),
    busy: (s) => loading(s.el),
    done: (s) => heading(s.el) === s.w.source!.name && hasButton(s.el, 'Save changes') && control(s.el, 'Host').value === SAVED.host,
    failedScreen: (s) => hasButton(s.el, s.w.source!.name),
    intact: (s) => otherFormIntact(s),
    sources: (s) => [s.w.source!.id],
  },
  {
    name: 'update',
    repeatable: true,
    operations: ['update_source'],
    envelope: 'source_update_error',
    withSource: true,
    target: (w) => ({ path: `${API}/sources/${w.source!.id}`, method: 'PUT' }),
    before: async (s) => {
      await place(s);
      await ready(s);
      await openSource(s);
      await type(s.el, 'Host', EDITED_HOST);
    },
    act: (s) => click(s.el, 'Save changes'),
    busy: (s) => formBusy(s.el, 'Saving'),
    done: (s) => fired(s, 'airbyte-source-updated') && heading(s.el).includes('is updated'),
    failedScreen: (s) => hasButton(s.el, 'Save changes'),
    intact: async (s, ok) => {
      if (!ok) expect(control(s.el, 'Host').value, 'the edited Host').to.equal(EDITED_HOST);
      expect(await savedHost(s), 'the saved Host').to.equal(ok ? EDITED_HOST : SAVED.host);
    },
    sources: (s) => [s.w.source!.id],
  },
  {
    name: 'delete',
    repeatable: true,
    operations: ['delete_source'],
    withSource: true,
    target: (w) => ({ path: `${API}/sources/${w.source!.id}`, method: 'DELETE' }),
    before: async (s) => {
      await place(s);
      await ready(s);
      await openSource(s);
      await type(s.el, 'Host', EDITED_HOST);
      await click(s.el, 'Delete');
      await until(s.el, () => hasButton(s.el, 'Yes, delete'), 'the confirmation shows');
    },
    act: (s) => click(s.el, 'Yes, delete'),
    busy: (s) => formBusy(s.el, 'Deleting'),
    done: (s) =>
      fired(s, 'airbyte-source-deleted') &&
      !hasButton(s.el, s.w.source!.name) &&
      hasButton(s.el, s.w.a.name) &&
      statusText(s.el).includes('was deleted'),
    failedScreen: (s) => hasButton(s.el, 'Save changes'),
    intact: async (s, ok) => {
      if (!ok) expect(control(s.el, 'Host').value, 'the edited Host').to.equal(EDITED_HOST);
    },
    sources: (s, ok) => (ok ? [] : [s.w.source!.id]),
  },
];

/** Collects every broken promise of a cell, so one run reports all of them, not just the first. */
class Findings {
  readonly problems: string[] = [];
  async check(what: string, assertion: () => unknown): Promise<void> {
    try {
      await assertion();
    } catch (error) {
      this.problems.push(`${what}: ${(error as Error).message}`);
    }
  }
  report(): void {
    if (this.problems.length) throw new Error(`\n  - ${this.problems.join('\n  - ')}`);
  }
}

/** The checks shared by every failed cell: the words, on screen and announced, and the events. */
async function checkFailure(f: Findings, s: Scene, outcome: Exclude<Outcome, 'ok'>, operations: readonly string[], envelope?: string) {
  const words = WORDS[outcome];
  await f.check('the message is on screen', () => expect(shownText(s.el)).to.include(words));
  await f.check('the message is announced', () => expect(`${alertText(s.el)} | ${statusText(s.el)}`).to.include(words));
  const errors = details(s, 'airbyte-error');
  await f.check('one airbyte-error', () => expect(errors).to.have.length(1));
  await f.check('airbyte-error code', () => expect(errors[0]?.code).to.equal(outcome));
  await f.check('airbyte-error operation', () => expect(operations).to.include(errors[0]?.operation));
  if (envelope) await f.check('airbyte-error envelope', () => expect(errors[0]?.envelope?.message).to.equal(envelope));
  await f.check('airbyte-token-expired', () =>
    expect(fired(s, 'airbyte-token-expired'), 'fired').to.equal(outcome === 'token_expired'),
  );
}

/** Neither password ever reaches the screen's text, the live region or an event a host page receives. */
function expectNoSecret(s: Scene): void {
  const reported = `${shownText(s.el)} | ${statusText(s.el)} | ${JSON.stringify(s.log.map((e) => e.detail))}`;
  expect(reported).not.to.include(TYPED.password);
  expect(reported).not.to.include(SAVED.password);
}

function expectedAttempts(step: Step, kind: FaultKind): number | undefined {
  if (step.name === 'load') return undefined; // two calls at once; counted separately below
  if (kind === PERSISTENT) return step.repeatable ? 4 : 1; // three retries, or a create never repeated
  if (kind === EXPIRED) return 2; // the call, then once with a fresh token
  return undefined;
}

async function runCell(step: Step, kind: FaultKind, settings: Record<string, unknown>, outcome: Outcome): Promise<void> {
  const w = await world(step.withSource);
  const s: Scene = { w, el: undefined as unknown as AirbyteConnect, log: [] };
  const f = new Findings();
  await step.before(s);
  const injected = await inject({ ...step.target(w), workspace_name: w.workspace, ...settings });
  try {
    const started = performance.now();
    await step.act(s);
    if (kind === LATENCY) {
      await sleep(DELAY_MS / 2);
      await s.el.updateComplete;
      await f.check('busy while waiting', () => expect(step.busy(s)).to.be.true);
      await f.check('not done before the answer', () => expect(step.done(s)).to.be.false);
      await step.whileBusy?.(s);
    }
    if (outcome === 'ok') {
      await until(s.el, () => step.done(s) || fired(s, 'airbyte-error'), `${step.name} ends`);
      await f.check('success', () => expect(step.done(s), `done; errors: ${JSON.stringify(details(s, 'airbyte-error'))}`).to.be.true);
      await f.check('no airbyte-error', () => expect(details(s, 'airbyte-error')).to.deep.equal([]));
      if (kind === RATE_LIMITED) {
        await f.check('waited as Retry-After asked', () => expect(performance.now() - started).to.be.at.least(950));
      }
    } else {
      await until(s.el, () => fired(s, 'airbyte-error'), `${step.name} reports its failure`);
      await s.el.updateComplete;
      await checkFailure(f, s, outcome, step.operations, step.envelope);
      await f.check('the screen to carry on from', () => expect(step.failedScreen(s, outcome)).to.be.true);
      const attempts = expectedAttempts(step, kind);
      const used = injected.times - (await injected.remaining());
      if (attempts !== undefined) await f.check('attempts', () => expect(used).to.equal(attempts));
      if (step.name === 'load' && kind === PERSISTENT) await f.check('retried', () => expect(used).to.be.at.least(4));
    }
    await f.check('the fault was hit', async () => expect(await injected.remaining()).to.be.below(injected.times));
  } finally {
    await injected.clear();
  }
  await f.check('input intact', () => step.intact(s, outcome === 'ok'));
  await f.check('no secret in what is shown or reported', () => expectNoSecret(s));
  const expected = step.sources(s, outcome === 'ok');
  await f.check('exactly the expected sources', async () =>
    expect((await sourcesOf(w.token)).map((source) => source.id)).to.deep.equal(expected),
  );
  f.report();
}

describe('<airbyte-connect> fault matrix: each fault at each step', () => {
  for (const step of STEPS) {
    for (const kind of FAULTS) {
      const outcome = step.repeatable ? kind.repeatable : kind.create;
      const settings = (!step.repeatable && kind.createSettings) || (step.name === 'load' && kind.loadSettings) || kind.settings;
      it(`${step.name} × ${kind.name}: ${outcome === 'ok' ? 'succeeds' : outcome}`, () => runCell(step, kind, settings, outcome));
    }
  }

  // The other halves of the ambiguous cases: a create that never reached the server, a delete whose answer was lost.
  it('create × a connection dropped before the server: network_error, nothing created, input kept', () =>
    runCell(STEPS.find((step) => step.name === 'create')!, DROPPED, { drop: true, times: 20 }, 'network_error'));
  it('delete × a connection dropped after the server deleted: reported as deleted, none left', () =>
    runCell(STEPS.find((step) => step.name === 'delete')!, DROPPED, { drop: true, when: 'after', times: 2 }, 'ok'));

  // The lists loaded again (reload()) while the user has a form open: whatever shows, nothing typed is lost.
  for (const kind of [PERSISTENT, EXPIRED]) {
    const outcome = kind.repeatable as Exclude<Outcome, 'ok'>;
    it(`load again with a form open × ${kind.name}: ${outcome}, the typed input survives`, async () => {
      const w = await world(false);
      const s: Scene = { w, el: undefined as unknown as AirbyteConnect, log: [] };
      const f = new Findings();
      await place(s);
      await ready(s);
      await openTemplate(s, w.a);
      await fill(s.el);
      const injected = await inject({
        path: `${API}/source*`,
        method: 'GET',
        workspace_name: w.workspace,
        ...(kind.loadSettings ?? kind.settings),
      });
      try {
        void s.el.reload();
        await until(s.el, () => fired(s, 'airbyte-error'), 'the reload reports its failure');
        await s.el.updateComplete;
        await checkFailure(f, s, outcome, ['list_source_templates', 'list_sources']);
      } finally {
        await injected.clear();
      }
      await f.check('input intact', async () => {
        if (!hasButton(s.el, 'Connect')) {
          // The form gave way to the message: carry on the way it offers, then come back to the form.
          if (outcome === 'token_expired') s.el.updateToken(await w.mint({ expires_in_seconds: 900 }));
          else await click(s.el, 'Try again');
          await until(s.el, () => hasButton(s.el, w.a.name), 'the list is back');
          await openTemplate(s, w.a);
        }
        expectTyped(s.el);
      });
      await f.check('no secret in what is shown or reported', () => expectNoSecret(s));
      await f.check('no source', async () => expect(await sourcesOf(w.token)).to.deep.equal([]));
      f.report();
    });
  }
});
