// A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for
// reproducible fictional material: the same seed gives the same cases on any
// machine, day or locale. Never Math.random, never the clock.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `n` distinct items in a random order (all of them if there are fewer). */
  sample<T>(items: readonly T[], n: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** An item chosen with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** An independent generator, so one case's draws never shift another's. */
  fork(label: string | number): Rng;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a: a label's 32-bit hash, to derive forked seeds. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A generator from a whole-number seed (any safe integer; negative and large seeds are folded to 32 bits). */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x100000000) >>> 0;
  const init = splitmix32(lo ^ Math.imul(hi, 0x9e3779b1));
  let a = init();
  let b = init();
  let c = init();
  let d = init() | 1;
  const raw = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) raw();
  const seedWords = [a, b, c, d];
  const rng: Rng = {
    next: () => raw() / 0x100000000,
    int(min, max) {
      if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
      return min + Math.floor(rng.next() * (max - min + 1));
    },
    chance: (p) => rng.next() < p,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      // In range: the index is below a non-zero length.
      return items[Math.floor(rng.next() * items.length)]!;
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        // Both indexes are within `out` (j <= i < out.length).
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    sample: (items, n) => rng.shuffle(items).slice(0, Math.max(0, n)),
    weighted(choices) {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      let x = rng.next() * total;
      for (const [value, w] of choices) {
        x -= w;
        if (x < 0) return value;
      }
      const last = choices.at(-1);
      if (last === undefined) throw new RangeError('weighted choice from an empty list');
      return last[0];
    },
    fork(label) {
      const h = hash32(`${seedWords.join(':')}/${label}`);
      return createRng(h);
    },
  };
  return rng;
}
