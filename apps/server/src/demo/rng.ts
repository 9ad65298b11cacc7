// Seeded randomness for the demo generator. Every stream is derived by hashing (seed, keys...)
// instead of being drawn from one global sequence, so patient k's data never depends on how many
// patients came before it or how many are generated in total.

/** 32-bit string/number mixer (a murmur3-style finaliser) used to derive independent stream seeds. */
export function hash32(...parts: Array<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** sfc32: small, fast and statistically solid; state is four 32-bit words. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...keys: Array<number | string>) {
    this.a = hash32(...keys, 'a');
    this.b = hash32(...keys, 'b');
    this.c = hash32(...keys, 'c');
    this.d = 1;
    // Discard the first outputs: sfc32 needs a few rounds to decorrelate similar seeds.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** k distinct items in random order (k is clamped to the list length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** Normal deviate (Box-Muller); good enough for clinical noise. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/**
 * UUID-shaped id (version-4 layout) derived only from the given keys, so ids can be recomputed
 * anywhere (e.g. the Group's member list) without generating the resources themselves.
 */
export function stableUuid(...keys: Array<number | string>): string {
  const words = [hash32(...keys, 1), hash32(...keys, 2), hash32(...keys, 3), hash32(...keys, 4)];
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Hands out sequential ids within one patient's chart (or the shared resources). */
export class IdSource {
  private counter = 0;
  constructor(
    private readonly seed: number,
    private readonly scope: number | string,
  ) {}

  next(): string {
    this.counter += 1;
    return stableUuid(this.seed, this.scope, this.counter);
  }
}

/** The Patient id is counter 0 of its scope, computable from seed and index alone. */
export function patientId(seed: number, index: number): string {
  return stableUuid(seed, index, 0);
}
