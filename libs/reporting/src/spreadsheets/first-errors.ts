import type { RowError } from './report-row.js';

const before = (a: RowError, b: RowError) =>
  a.sheet < b.sheet || (a.sheet === b.sheet && a.row < b.row);

/**
 * The first problems of a file, added in file order, and how many there are in all: a file of
 * 200,000 bad rows is counted exactly without keeping a million messages.
 */
export class FirstErrors {
  readonly items: RowError[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  add(error: RowError): void {
    this.count++;
    if (this.items.length < this.limit) this.items.push(error);
  }

  /** The first `limit` problems of two lists, each in file order, merged in file order. */
  static merge(a: FirstErrors, b: FirstErrors, limit: number): RowError[] {
    const out: RowError[] = [];
    let i = 0;
    let j = 0;
    while (out.length < limit && (i < a.items.length || j < b.items.length)) {
      const takeB = i >= a.items.length || (j < b.items.length && before(b.items[j], a.items[i]));
      out.push(takeB ? b.items[j++] : a.items[i++]);
    }
    return out;
  }
}
