import fc from 'fast-check';

// fast-check leans its draws towards small and extreme values; choices here must be fair.
const fairInt = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));
const fairUuid = () => fc.noBias(fc.uuid());

/**
 * The one source of randomness of a fuzz run: fast-check's generator for one case, so that a
 * seed and a case number give the same draws on every machine.
 */
export class Rng {
  constructor(private readonly g: fc.GeneratorValue) {}

  /** Every case of a run, each with its own stream drawn from the seed. */
  static cases(seed: number, count: number): Rng[] {
    return fc.sample(fc.gen(), { seed, numRuns: count }).map((g) => new Rng(g));
  }

  int(min: number, max: number): number {
    return this.g(fairInt, min, max);
  }

  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight: [[weight, value], ...]. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let n = this.int(0, total - 1);
    for (const [w, v] of choices) {
      if (n < w) return v;
      n -= w;
    }
    return choices[choices.length - 1][1];
  }

  /** A few distinct items, in their original order. */
  subset<T>(items: readonly T[], min: number, max: number): T[] {
    const n = Math.min(items.length, this.int(min, Math.max(min, max)));
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(this.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
  }

  uuid(): string {
    return this.g(fairUuid);
  }

  /** Any code points but lone surrogates (those are drawn on purpose elsewhere). */
  unicode(maxLength: number): string {
    return this.g(fc.string, { unit: 'binary', maxLength });
  }

  ascii(maxLength: number): string {
    return this.g(fc.string, { unit: 'binary-ascii', maxLength });
  }

  identifier(): string {
    return this.g(fc.stringMatching, /^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
  }

  bytes(maxLength: number): Uint8Array {
    return this.g(fc.uint8Array, { maxLength });
  }
}
