// Strings that match (or do not match) a connector spec's `pattern`, for test data.
//
// Supported: the subset real specs use — anchors (^ $ \b \B), alternation, groups (capturing, (?:…), named), character
// classes (ranges, negation, escapes), `.`, escapes (\d \w \s and their negations, \. \/ \t \uXXXX \xXX \u{…} \p{…}),
// quantifiers (* + ? {n} {n,} {n,m}, lazy or not) and look-arounds. A look-around produces nothing while sampling; the
// candidate is then checked with the real regex and sampling is retried, so look-arounds only narrow what is accepted.
// Back-references are not supported (UnsupportedPattern).
//
// "Matches" always means: matches in both dialects the project uses — the client's (`regex()` in src/spec/util.ts:
// the `u` flag when the pattern compiles with it, else no flag) and the sandbox's ajv (`unicodeRegExp: false`, i.e.
// no flag). A string accepted by one but not the other is never returned as matching or as not matching.
import { regex } from '../../src/spec/util.js';
import { pickOne, randomInt, type Random } from './seeded-random.js';

export class UnsupportedPattern extends Error {}

export type PatternNode =
  | { readonly t: 'alt'; readonly alts: readonly PatternNode[] }
  | { readonly t: 'seq'; readonly items: readonly PatternNode[] }
  | { readonly t: 'look'; readonly ahead: boolean; readonly negative: boolean; readonly body: PatternNode }
  | { readonly t: 'chars'; readonly chars: readonly string[] }
  | { readonly t: 'anchor' }
  | { readonly t: 'repeat'; readonly body: PatternNode; readonly min: number; readonly max: number };

/** Printable ASCII: what sampled characters are drawn from (plus a few non-ASCII ones when nothing else fits). */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const EXTRA = ['é', 'ß', 'Ω', 'ж', '中', '\t'];
const ALNUM = /^[A-Za-z0-9]$/;

/** The characters (of the universe) an atom such as `[a-z]`, `\d` or `.` matches, tried with each flag set. */
function charsOf(atom: string): string[] {
  for (const flags of ['u', '']) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${atom})$`, flags);
    } catch {
      continue;
    }
    const inAscii = ASCII.filter((c) => re.test(c));
    if (inAscii.length) return inAscii;
    const extra = EXTRA.filter((c) => re.test(c));
    if (extra.length) return extra;
  }
  throw new UnsupportedPattern(`no sample character for ${atom}`);
}

const lit = (c: string): PatternNode => ({ t: 'chars', chars: [c] });
const cache = new Map<string, PatternNode>();

/** Parses a pattern into the tree the sampler walks; throws UnsupportedPattern for what it cannot sample. */
export function parsePattern(source: string): PatternNode {
  const hit = cache.get(source);
  if (hit) return hit;
  let pos = 0;
  const peek = () => source[pos];
  const rest = () => source.slice(pos);

  function alt(): PatternNode {
    const alts = [seq()];
    while (peek() == '|') {
      pos++;
      alts.push(seq());
    }
    return alts.length == 1 ? alts[0]! : { t: 'alt', alts };
  }

  function seq(): PatternNode {
    const items: PatternNode[] = [];
    while (pos < source.length && peek() != '|' && peek() != ')') items.push(quantified(atom()));
    return { t: 'seq', items };
  }

  function quantified(body: PatternNode): PatternNode {
    let min: number, max: number;
    const c = peek();
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest());
    if (c == '*') [min, max, pos] = [0, Infinity, pos + 1];
    else if (c == '+') [min, max, pos] = [1, Infinity, pos + 1];
    else if (c == '?') [min, max, pos] = [0, 1, pos + 1];
    else if (braces) {
      min = +braces[1]!;
      max = braces[2] === undefined ? min : braces[3] ? +braces[3] : Infinity;
      pos += braces[0].length;
    } else return body;
    if (peek() == '?') pos++; // lazy: same language
    return quantified({ t: 'repeat', body, min, max });
  }

  function atom(): PatternNode {
    const c = peek()!;
    if (c == '(') return group();
    if (c == '[') return charClass();
    pos++;
    if (c == '.') return { t: 'chars', chars: charsOf('.') };
    if (c == '^' || c == '$') return { t: 'anchor' };
    if (c == '\\') return escape();
    const cp = source.codePointAt(pos - 1)!;
    if (cp > 0xffff) pos++;
    return lit(String.fromCodePoint(cp));
  }

  function group(): PatternNode {
    pos++; // (
    let look: { ahead: boolean; negative: boolean } | undefined;
    const r = rest();
    if (r.startsWith('?:')) pos += 2;
    else if (r.startsWith('?=') || r.startsWith('?!')) [look, pos] = [{ ahead: true, negative: r[1] == '!' }, pos + 2];
    else if (r.startsWith('?<=') || r.startsWith('?<!')) [look, pos] = [{ ahead: false, negative: r[2] == '!' }, pos + 3];
    else if (r.startsWith('?<')) {
      const end = source.indexOf('>', pos);
      if (end < 0) throw new UnsupportedPattern('unterminated group name');
      pos = end + 1;
    } else if (r.startsWith('?')) throw new UnsupportedPattern(`group modifier (${r.slice(0, 3)}`);
    const body = alt();
    if (peek() != ')') throw new UnsupportedPattern('unbalanced parenthesis');
    pos++;
    return look ? { t: 'look', ...look, body } : body;
  }

  function charClass(): PatternNode {
    const start = pos;
    pos++; // [
    if (peek() == '^') pos++;
    while (pos < source.length && peek() != ']') pos += peek() == '\\' ? 2 : 1;
    if (peek() != ']') throw new UnsupportedPattern('unterminated character class');
    pos++;
    return { t: 'chars', chars: charsOf(source.slice(start, pos)) };
  }

  function escape(): PatternNode {
    const c = peek();
    if (c === undefined) throw new UnsupportedPattern('trailing backslash');
    pos++;
    if ('dDwWsS'.includes(c)) return { t: 'chars', chars: charsOf(`\\${c}`) };
    if (c == 'b' || c == 'B') return { t: 'anchor' };
    if (/[1-9]/.test(c) || (c == 'k' && peek() == '<')) throw new UnsupportedPattern('back-reference');
    const take = (re: RegExp) => {
      const m = re.exec(rest());
      if (m) pos += m[0].length;
      return m?.[0];
    };
    let m: string | undefined;
    if (c == 'u' && (m = take(/^\{[0-9a-fA-F]+\}/))) return lit(String.fromCodePoint(parseInt(m.slice(1, -1), 16)));
    if (c == 'u' && (m = take(/^[0-9a-fA-F]{4}/))) return lit(String.fromCharCode(parseInt(m, 16)));
    if (c == 'x' && (m = take(/^[0-9a-fA-F]{2}/))) return lit(String.fromCharCode(parseInt(m, 16)));
    if (c == 'c' && (m = take(/^[A-Za-z]/))) return lit(String.fromCharCode(m.charCodeAt(0) % 32));
    if ((c == 'p' || c == 'P') && (m = take(/^\{[^}]+\}/))) return { t: 'chars', chars: charsOf(`\\${c}${m}`) };
    const control: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '0': '\0' };
    return lit(control[c] ?? c);
  }

  const tree = alt();
  if (pos < source.length) throw new UnsupportedPattern(`unexpected "${source[pos]}" at ${pos}`);
  cache.set(source, tree);
  return tree;
}

/** One random string from the tree, look-arounds ignored (so it may not match; callers check). */
export function sampleNode(node: PatternNode, random: Random): string {
  switch (node.t) {
    case 'alt':
      return sampleNode(pickOne(random, node.alts), random);
    case 'seq':
      return node.items.map((n) => sampleNode(n, random)).join('');
    case 'look':
    case 'anchor':
      return '';
    case 'chars': {
      const alnum = node.chars.filter((c) => ALNUM.test(c));
      return pickOne(random, alnum.length && random() < 0.85 ? alnum : node.chars);
    }
    case 'repeat': {
      const extra = node.max == Infinity ? randomInt(random, 0, 3) : randomInt(random, 0, Math.min(node.max - node.min, 6));
      let s = '';
      for (let i = 0; i < node.min + extra; i++) s += sampleNode(node.body, random);
      return s;
    }
  }
}

/** The pattern as the client compiles it and as the sandbox's ajv compiles it (undefined when it does not compile). */
export function dialects(pattern: string): { client?: RegExp; server?: RegExp } {
  let server: RegExp | undefined;
  try {
    server = new RegExp(pattern);
  } catch {}
  return { client: regex(pattern), server };
}

/** Matches in both dialects. */
export function matchesBoth(pattern: string, s: string): boolean {
  const { client, server } = dialects(pattern);
  return !!client && !!server && client.test(s) && server.test(s);
}

/** Matches in neither dialect. */
export function matchesNeither(pattern: string, s: string): boolean {
  const { client, server } = dialects(pattern);
  return !!client && !!server && !client.test(s) && !server.test(s);
}

/**
 * A string that matches `pattern` in both dialects and that `accept` approves, or undefined after `attempts` samples.
 * Throws UnsupportedPattern when the pattern is beyond the sampler.
 */
export function matchingString(
  pattern: string,
  random: Random,
  accept: (s: string) => boolean = () => true,
  attempts = 300,
): string | undefined {
  const tree = parsePattern(pattern);
  for (let i = 0; i < attempts; i++) {
    const s = sampleNode(tree, random);
    if (matchesBoth(pattern, s) && accept(s)) return s;
  }
  return undefined;
}

/** Every negative look-around body in the tree, with its direction. */
function negativeLooks(node: PatternNode, out: { ahead: boolean; body: PatternNode }[] = []) {
  if (node.t == 'look' && node.negative) out.push({ ahead: node.ahead, body: node.body });
  if (node.t == 'alt') node.alts.forEach((n) => negativeLooks(n, out));
  if (node.t == 'seq') node.items.forEach((n) => negativeLooks(n, out));
  if (node.t == 'look' || node.t == 'repeat') negativeLooks(node.body, out);
  return out;
}

/**
 * A string close to `base` that matches `pattern` in neither dialect and that `accept` approves: a character added
 * in front or at the end, one removed, what a negative look-around forbids put in, or random text.
 */
export function nonMatchingString(
  pattern: string,
  base: string,
  random: Random,
  accept: (s: string) => boolean = () => true,
): string | undefined {
  const candidates = [`#${base}`, `${base}#`, base.slice(1), base.slice(0, -1), `${base} #`, '#', 'x', '0'];
  try {
    const tree = parsePattern(pattern);
    for (const look of negativeLooks(tree)) {
      const forbidden = sampleNode(look.body, random);
      candidates.push(look.ahead ? `${forbidden}${base}` : `${base}${forbidden}`);
      candidates.push(look.ahead ? forbidden + sampleNode(tree, random) : sampleNode(tree, random) + forbidden);
    }
  } catch (error) {
    if (!(error instanceof UnsupportedPattern)) throw error;
  }
  for (let i = 0; i < 50; i++) {
    candidates.push(Array.from({ length: randomInt(random, 1, 12) }, () => pickOne(random, ASCII)).join(''));
  }
  candidates.push(`${base}\n#`); // `.` never matches a line break: a last resort for patterns like ^.*$
  return candidates.find((s) => s.trim() !== '' && matchesNeither(pattern, s) && accept(s));
}
