// Shared by a11y.browser.test.ts and keyboard-flow.browser.test.ts: a spec with one field of every kind the form
// renders, axe with WCAG 2.2 AA rules (colour contrast on), themes, and the WCAG contrast ratio computed from
// computed colours, so that a palette change that breaks AA fails with a message a person can act on.
import { emulateMedia } from '@web/test-runner-commands';
import type { AxeResults, NodeResult, RunOptions } from 'axe-core';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
// Registers window.axe (the same axe-core that chai-a11y-axe's `accessible()` uses).
import 'axe-core/axe.min.js';

/** Every field kind: text (with a link in its help), example placeholder, integer, number, secret, multiline and
 * secret multiline text, date with picker, boolean, enum, multi-select, list of strings, list of objects, oneOf as a
 * select and as radio cards, nested object, JSON fallback, in titled cards, with optional fields folded. */
export const everyKindSpec = {
  type: 'object',
  required: ['host', 'port', 'password', 'ssl_mode', 'tunnel', 'start_date'],
  groups: [
    { id: 'db', title: 'Database' },
    { id: 'sync', title: 'What to sync' },
  ],
  properties: {
    host: {
      type: 'string',
      title: 'Host',
      description: 'Where your database runs; see <a href="https://example.com/docs">the setup guide</a>.',
      examples: ['db.example.com'],
      group: 'db',
      order: 0,
    },
    port: { type: 'integer', title: 'Port', minimum: 1, maximum: 65535, default: 5432, group: 'db', order: 1 },
    password: { type: 'string', title: 'Password', airbyte_secret: true, group: 'db', order: 2 },
    ssl_mode: {
      type: 'object',
      title: 'SSL mode',
      display_type: 'radio',
      group: 'db',
      order: 3,
      oneOf: [
        { title: 'Disable', description: 'Send data unencrypted.', required: ['mode'], properties: { mode: { type: 'string', const: 'disable' } } },
        {
          title: 'Verify',
          description: 'Encrypt and check the certificate.',
          required: ['mode', 'ca_certificate'],
          properties: {
            mode: { type: 'string', const: 'verify' },
            ca_certificate: { type: 'string', title: 'CA certificate', multiline: true, airbyte_secret: true },
          },
        },
      ],
    },
    tunnel: {
      type: 'object',
      title: 'SSH tunnel',
      group: 'db',
      order: 4,
      oneOf: [
        { title: 'No tunnel', required: ['method'], properties: { method: { type: 'string', const: 'NONE' } } },
        {
          title: 'Password tunnel',
          required: ['method', 'tunnel_host'],
          properties: { method: { type: 'string', const: 'PASSWORD' }, tunnel_host: { type: 'string', title: 'Tunnel host' } },
        },
      ],
    },
    start_date: {
      type: 'string',
      title: 'Start date',
      format: 'date',
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      group: 'sync',
      order: 5,
    },
    schemas: { type: 'array', title: 'Schemas', items: { type: 'string' }, group: 'sync', order: 6 },
    streams: { type: 'array', title: 'Streams', items: { type: 'string', enum: ['users', 'orders', 'events'] }, group: 'sync', order: 7 },
    replication: { type: 'string', title: 'Replication', enum: ['fast', 'safe'], group: 'sync', order: 8 },
    ssl: { type: 'boolean', title: 'Use SSL', description: 'Encrypt traffic.', group: 'sync', order: 9 },
    ratio: { type: 'number', title: 'Sample ratio', group: 'sync', order: 10 },
    query: { type: 'string', title: 'Custom query', multiline: true, group: 'sync', order: 11 },
    tables: {
      type: 'array',
      title: 'Tables',
      group: 'sync',
      order: 12,
      items: {
        type: 'object',
        title: 'Table',
        required: ['name'],
        properties: { name: { type: 'string', title: 'Table name' }, cursor: { type: 'string', title: 'Cursor field' } },
      },
    },
    options: {
      type: 'object',
      title: 'Connection options',
      group: 'sync',
      order: 13,
      properties: { timeout: { type: 'integer', title: 'Timeout (seconds)', minimum: 0 } },
    },
    extra: { title: 'Extra settings', description: 'Anything else, as JSON.', anyOf: [{ type: 'object' }, { type: 'string' }], group: 'sync', order: 14 },
  },
};

/** A saved config for `everyKindSpec` that fills a value of every kind (so lists show chips and rows). */
export const everyKindConfig = {
  host: 'db.acme.test',
  port: 5432,
  password: 's3cret',
  ssl_mode: { mode: 'disable' },
  tunnel: { method: 'NONE' },
  start_date: '2024-01-01',
  schemas: ['public', 'sales'],
  streams: ['users'],
  replication: 'safe',
  ssl: true,
  ratio: 0.5,
  query: 'select 1',
  tables: [{ name: 'orders', cursor: 'updated_at' }],
  options: { timeout: 30 },
  extra: { retries: 3 },
};

export type ThemeCase = { readonly name: string; readonly theme: 'light' | 'dark' | null; readonly media: 'light' | 'dark' };

/** The themes every check runs in: each attribute, against the opposite system preference, and auto following it. */
export const THEMES: readonly ThemeCase[] = [
  { name: 'theme="light" (system dark)', theme: 'light', media: 'dark' },
  { name: 'theme="dark" (system light)', theme: 'dark', media: 'light' },
  { name: 'theme="auto" (system dark)', theme: null, media: 'dark' },
  { name: 'theme="auto" (system light)', theme: null, media: 'light' },
];

export async function useTheme(el: AirbyteConnect, theme: ThemeCase, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<void> {
  await emulateMedia({ colorScheme: theme.media, reducedMotion });
  if (theme.theme) el.setAttribute('theme', theme.theme);
  else el.removeAttribute('theme');
  await el.updateComplete;
}

// ---------------------------------------------------------------------------------------------------------- axe

/** WCAG 2.0–2.2 A and AA, and axe's best practices, with colour contrast on. */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: {
    'color-contrast': { enabled: true },
    // Page-level rules are the host page's job: the widget is one region of someone else's page.
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
  },
  resultTypes: ['violations', 'incomplete'],
};


function describeNodes(nodes: NodeResult[]): string {
  return nodes.map((node) => `    at ${JSON.stringify(node.target)}: ${node.html.slice(0, 160)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
}

/**
 * Runs axe over the element (shadow DOM included) and fails, naming the view, on any violation, and on any colour
 * contrast that axe could not decide (those are the cases a palette change tends to hide in).
 */
export async function expectAxeClean(el: Element, where: string): Promise<void> {
  const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;
  const results = await axe.run(el, AXE_OPTIONS);
  const problems = [
    ...results.violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${describeNodes(v.nodes)}`),
    ...results.incomplete
      .filter((v) => v.id === 'color-contrast')
      // Lone symbols (the ✓ marks, the Back arrow) are aria-hidden graphics: the computed checks measure them at 3:1.
      .map((v) => ({ ...v, nodes: v.nodes.filter((node) => !node.any.every((check) => (check.data as { messageKey?: string } | null)?.messageKey === 'nonBmp')) }))
      .filter((v) => v.nodes.length)
      .map((v) => `  ${v.id} (undecided): ${v.help}\n${describeNodes(v.nodes)}`),
  ];
  if (problems.length) throw new Error(`axe, ${where}:\n${problems.join('\n')}`);
}

// ------------------------------------------------------------------------------------------------- contrast

type Rgba = readonly [number, number, number, number];

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** A computed colour as sRGB 0–255 and alpha 0–1 (`rgb()`, `rgba()`, `color(srgb …)`, else through a canvas). */
export function parseColor(value: string): Rgba {
  const rgb = /^rgba?\(([^)]*)\)$/.exec(value);
  if (rgb) {
    const [r, g, b, a] = rgb[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r!, g!, b!, a ?? 1];
  }
  const srgb = /^color\(srgb ([^)]*)\)$/.exec(value);
  if (srgb) {
    const [r, g, b, a] = srgb[1]!.split(/[\s/]+/).filter(Boolean).map(Number);
    return [r! * 255, g! * 255, b! * 255, a ?? 1];
  }
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = value;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG 2 contrast ratio of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** What is painted behind `element`: its own and its ancestors' backgrounds, composited, over the page's white. */
export function backgroundOf(element: Element, own = true): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = own ? element : parentAcrossShadow(element); node; node = parentAcrossShadow(node)) {
    const layer = parseColor(getComputedStyle(node).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

export const rgb = (c: Rgba) => `rgb(${c.slice(0, 3).map((v) => Math.round(v)).join(' ')})`;

/** One contrast requirement: `min` is 4.5 for text, 3 for large text, graphics and control boundaries. */
export interface ContrastCheck {
  readonly what: string;
  readonly element: Element | null | undefined;
  readonly min: number;
  /** Which colour of the element is measured (default `color`), or `placeholder`. */
  readonly property?: 'color' | 'outline-color' | 'border-color' | 'placeholder';
  /** Measured against the element's own background (default), or what is behind it (an outline, a border). */
  readonly against?: 'own' | 'behind';
}

export function measure(check: ContrastCheck): { ratio: number; fg: Rgba; bg: Rgba } {
  const element = check.element!;
  const style = check.property === 'placeholder' ? getComputedStyle(element, '::placeholder') : getComputedStyle(element);
  const raw =
    check.property === 'outline-color' ? style.outlineColor : check.property === 'border-color' ? style.borderBlockStartColor : style.color;
  const bg = backgroundOf(element, check.against !== 'behind');
  const fg = over(parseColor(raw), bg);
  return { ratio: contrastRatio(fg, bg), fg, bg };
}

/** Runs every check; the failure lists each one that falls short, with both colours and the ratio. */
export function expectContrast(where: string, checks: readonly ContrastCheck[]): void {
  const failures: string[] = [];
  for (const check of checks) {
    if (!check.element) {
      failures.push(`  ${check.what}: not found on screen`);
      continue;
    }
    const { ratio, fg, bg } = measure(check);
    if (ratio + 1e-6 < check.min) {
      failures.push(`  ${check.what}: ${ratio.toFixed(2)}:1 (${rgb(fg)} on ${rgb(bg)}), needs at least ${check.min}:1`);
    }
  }
  if (failures.length) throw new Error(`colour contrast below WCAG 2.2 AA, ${where}:\n${failures.join('\n')}`);
}
