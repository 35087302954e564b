// Glob matching for the config's `cases` and `ignore` patterns without regular
// expressions: a pattern is compiled to a small automaton and every path is run
// through it once, tracking the set of states it could be in (Thompson's method).
// Time is at most (path length × pattern length) per alternative, whatever the
// pattern, so no pattern can make discovery hang (`**/**/**/…`, `a*a*a*…b`).
// Patterns: `*` (within one folder), `**/` (any folders), `**` (anything), `?` (one
// character other than `/`), `{a,b}` (alternatives, not nested); case-insensitive.

/** The longest pattern accepted (config `cases` and each `ignore` entry). */
export const MAX_GLOB_LENGTH = 256;
/** The most alternatives `{…}` may give a pattern. */
export const MAX_GLOB_ALTERNATIVES = 64;

type Token = { kind: 'lit'; ch: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'any' } | { kind: 'folders' };

export class GlobError extends Error {}

/** `{a,b}x{c,d}` → `axc`, `axd`, `bxc`, `bxd`; an unclosed `{` is literal. */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open === -1) return [glob];
  const close = glob.indexOf('}', open);
  if (close === -1) return [glob];
  const head = glob.slice(0, open);
  const rest = expandBraces(glob.slice(close + 1));
  const out: string[] = [];
  for (const alt of glob.slice(open + 1, close).split(',')) {
    for (const tail of rest) {
      out.push(head + alt + tail);
      if (out.length > MAX_GLOB_ALTERNATIVES) throw new GlobError(`gives more than ${MAX_GLOB_ALTERNATIVES} alternatives with {…}`);
    }
  }
  return out;
}

function tokens(glob: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        // several `**/` in a row match what one does
        if (!(slash && out.at(-1)?.kind === 'folders')) out.push({ kind: slash ? 'folders' : 'any' });
        i += slash ? 2 : 1;
      } else if (out.at(-1)?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'one' });
    else out.push({ kind: 'lit', ch: c.toLowerCase() });
  }
  return out;
}

/**
 * Whether `path` ('/'-separated) matches. States: 2k = at token k; 2k+1 = inside a
 * folder name of a `**` + `/` token k (it must end with `/` before going on).
 */
function run(toks: readonly Token[], path: string): boolean {
  const n = toks.length;
  let current = new Uint8Array(2 * n + 2);
  let next = new Uint8Array(2 * n + 2);
  const add = (set: Uint8Array, state: number) => {
    // epsilon moves: `*`, `**` and `**/` may match nothing
    while (!set[state]) {
      set[state] = 1;
      if (state % 2 === 1 || state / 2 >= n) return;
      const t = toks[state / 2];
      if (t === undefined || (t.kind !== 'star' && t.kind !== 'any' && t.kind !== 'folders')) return;
      state += 2;
    }
  };
  add(current, 0);
  for (const raw of path) {
    const c = raw.toLowerCase();
    next.fill(0);
    let any = false;
    for (let s = 0; s < 2 * n; s++) {
      if (!current[s]) continue;
      const k = s >> 1;
      const t = toks[k];
      if (t === undefined) continue; // s < 2n, so k < n: never
      if (s % 2 === 1) {
        // inside a folder name of `**/`: more name, or its `/`
        add(next, c === '/' ? 2 * k : s);
        any = true;
        continue;
      }
      switch (t.kind) {
        case 'lit':
          if (t.ch === c) {
            add(next, s + 2);
            any = true;
          }
          break;
        case 'one':
          if (c !== '/') {
            add(next, s + 2);
            any = true;
          }
          break;
        case 'star':
          if (c !== '/') {
            add(next, s);
            any = true;
          }
          break;
        case 'any':
          add(next, s);
          any = true;
          break;
        case 'folders':
          add(next, c === '/' ? s : s + 1);
          any = true;
          break;
      }
    }
    if (!any) return false;
    [current, next] = [next, current];
  }
  return current[2 * n] === 1;
}

/**
 * The ending a pattern of the form `**` + `/*` + text (the default `**` + `/*.md`) asks of a
 * path, else undefined. Such a pattern matches exactly the paths that end with the text
 * when the text holds no `/`: any folders, then a name ending with it. Only for text in
 * ASCII, where lower-casing the whole path and each character alone agree.
 */
function endingOnly(toks: readonly Token[]): string | undefined {
  if (toks.length < 3 || toks[0]?.kind !== 'folders' || toks[1]?.kind !== 'star') return undefined;
  let ending = '';
  for (const t of toks.slice(2)) {
    // (a glob character may lower-case to more than one: `İ` to `i` and a combining dot)
    if (t.kind !== 'lit' || t.ch === '/' || t.ch.length !== 1 || t.ch.charCodeAt(0) > 0x7e) return undefined;
    ending += t.ch;
  }
  return ending;
}

/** Compile a glob; throws GlobError when it is too long or gives too many alternatives. */
export function globMatcher(glob: string): { test(path: string): boolean } {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`is longer than ${MAX_GLOB_LENGTH} characters`);
  const alternatives = expandBraces(glob)
    .map(tokens)
    .map((toks): ((path: string) => boolean) => {
      // the common case, checked once per file of a big caseload: no automaton needed
      const ending = endingOnly(toks);
      return ending === undefined ? (path) => run(toks, path) : (path) => path.toLowerCase().endsWith(ending);
    });
  return { test: (path) => alternatives.some((matches) => matches(path)) };
}
