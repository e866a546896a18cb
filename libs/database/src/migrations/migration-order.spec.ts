import { describe, expect, it } from '@jest/globals';
import { migrations } from './index.js';

/**
 * The migrations that have landed, in the order they landed. A fresh database and an upgraded one
 * must apply the same migrations in the same order, and TypeORM applies them by timestamp: so a
 * migration added later must carry a later timestamp than every one already landed, whatever
 * capability it belongs to. Append to this list once a migration has landed; never reorder it.
 */
const LANDED = [
  'Foundation1764000000000',
  'Tenants1764000100000',
  'Space1764000200000',
  'OutputReports1764000300000',
  'MilestoneSnapshots1764000400000',
  'MilestoneCountingIndexes1764000400100',
  'Benefits1764000500000',
  'ServiceDesk1764000600000',
  'Accounts1764000700000',
  'IdempotencyKeys1764000700100',
  'TenantFoundedOn1764000800000',
  'PropertyFee1764000800100',
  'Billing1764000900000',
  'AnnualReports1764001000000',
];

const timestampOf = (name: string) => Number(/(\d{13})$/.exec(name)?.[1]);
const names = migrations.map((m) => new m().name ?? m.name);

describe('migration order', () => {
  it('every migration is named with a 13-digit timestamp', () => {
    for (const name of names) expect(timestampOf(name)).toBeGreaterThan(1_700_000_000_000);
  });

  it('keeps every landed migration, in landing order', () => {
    expect(names.slice(0, LANDED.length)).toEqual(LANDED);
  });

  it('gives every new migration a timestamp later than every landed one, and lists them in order', () => {
    const lastLanded = Math.max(...LANDED.map(timestampOf));
    const added = names.slice(LANDED.length);
    for (const name of added) expect([name, timestampOf(name) > lastLanded]).toEqual([name, true]);
    const stamps = names.map(timestampOf);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
