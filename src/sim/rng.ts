// Seeded pseudo-random numbers (sfc32): every random choice in the engine goes through one of these.

/** Kubernetes' alphabet for generated name suffixes (no vowels, no confusable digits). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export type RngState = [number, number, number, number];

export class Rng {
  // sfc32's four words, kept as fields (no array per draw: this runs for every name and uid).
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seedOrState: number | RngState) {
    if (typeof seedOrState === 'number') {
      const seed = seedOrState >>> 0;
      [this.a, this.b, this.c, this.d] = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed];
      for (let i = 0; i < 15; i++) this.nextUint32();
    } else {
      [this.a, this.b, this.c, this.d] = seedOrState;
    }
  }

  get state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  nextUint32(): number {
    let a = this.a >>> 0;
    let b = this.b >>> 0;
    let c = this.c >>> 0;
    let d = this.d >>> 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    this.a = a >>> 0;
    this.b = b;
    this.c = c;
    this.d = d;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A 5-character suffix as Kubernetes' generateName makes it. */
  nameSuffix(length = 5): string {
    let out = '';
    for (let i = 0; i < length; i++) out += NAME_SUFFIX_ALPHABET[this.int(0, NAME_SUFFIX_ALPHABET.length - 1)];
    return out;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** A random (version 4) UUID. */
  uuid(): string {
    // 32 random hex digits, then the version (4) and variant (8, 9, a or b) digits set: same draws, same text.
    const h = this.hex(32);
    const variant = '89ab'[this.int(0, 3)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
  }
}
