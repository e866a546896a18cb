import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { type FuzzCase, fuzzCases } from './cases.js';
import {
  emptyPools,
  HOSTILE_DATES,
  HOSTILE_DATE_TIMES,
  HOSTILE_STRINGS,
  HOSTILE_YEAR_MONTHS,
} from './values.js';

// The generator on its own, against the committed schema: the same seed gives the same cases,
// and enough of them are valid GraphQL to reach the resolvers of a live server.

const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
const tokens = { ADMIN: 'a.b.c', TENANT_ADMIN: 'd.e.f' };

function draw(seed: number, count: number): FuzzCase[] {
  const pools = emptyPools();
  pools.ids.push('8f7f0a36-3c2b-4d8e-9a51-0c1d2e3f4a5b');
  return [...fuzzCases(schema, pools, tokens, seed, count)];
}

let run: FuzzCase[] | undefined;
/** The default run's cases, drawn once for the checks below. */
const defaultRun = () => (run ??= draw(20260301, 2000));

const validates = (query: string) => {
  try {
    return validate(schema, parse(query), specifiedRules).length === 0;
  } catch {
    return false;
  }
};

describe('fuzz cases', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(draw(7, 200)).toEqual(draw(7, 200));
    expect(draw(8, 50)).not.toEqual(draw(7, 50));
  });

  it('are mostly valid documents, covering every root field, with the rest broken on purpose', () => {
    const cases = defaultRun();
    const documents = cases.filter((c) => c.query !== undefined);
    const valid = documents.filter((c) => validates(c.query!));
    expect(valid.length / documents.length).toBeGreaterThan(0.5);
    expect(documents.length - valid.length).toBeGreaterThan(documents.length * 0.1);

    const roots = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ];
    const covered = new Set(valid.map((c) => c.label));
    expect(roots.filter((r) => !covered.has(r))).toEqual([]);
    expect(cases.some((c) => c.label.startsWith('http:'))).toBe(true);
  });

  it('carry the hostile values the brief lists', () => {
    // The value pools hold them; which case draws which one changes with the schema.
    const pools = JSON.stringify([
      HOSTILE_STRINGS,
      HOSTILE_DATES,
      HOSTILE_DATE_TIMES,
      HOSTILE_YEAR_MONTHS,
    ]);
    for (const needle of ['\\u0000', '\\ud800', '2026-02-30', '2026-13']) {
      expect(pools.toLowerCase()).toContain(needle.toLowerCase());
    }
    // A default run sends them, and the document shapes that break rules.
    const sent = defaultRun()
      .map((c) => `${c.query ?? ''}\n${c.variables ?? ''}\n${c.body ?? ''}`)
      .join('\n');
    for (const needle of [
      '\\u0000',
      '\\ud800',
      '1e400',
      '2147483648',
      '"-0"',
      '__typename',
      '@include',
      'fragment ',
      'persistedQuery',
    ]) {
      expect(sent.toLowerCase()).toContain(needle.toLowerCase());
    }
  });
});
