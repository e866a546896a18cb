import { describe, expect, it } from '@jest/globals';
import { onPrimary, requestContext } from '@jcv/shared';
import { readMode, RecentWriters } from './read-routing.js';

describe('read routing', () => {
  it('remembers a writer for the sticky window, and not a moment longer', () => {
    let now = 1_000_000;
    const writers = new RecentWriters(() => now);
    writers.mark('u1', 5);
    expect(writers.isRecent('u1', 5)).toBe(true);
    now += 4_999;
    expect(writers.isRecent('u1', 5)).toBe(true);
    now += 1;
    expect(writers.isRecent('u1', 5)).toBe(false);
    expect(writers.isRecent('u2', 5)).toBe(false);
  });

  it('sends to a replica only the reads of a query, outside onPrimary, of no recent writer', async () => {
    let now = 0;
    const writers = new RecentWriters(() => now);
    const routing = { replicas: 1, stickySeconds: 5, writers };
    const inRequest = <T>(readOnly: boolean | undefined, actor: string, work: () => T) =>
      requestContext.run(
        { requestId: 'r', sqlStatements: 0, readOnly, actorId: () => actor },
        work,
      );

    // Outside any request (the worker, migrations, start-up): the primary.
    expect(readMode(routing)).toBe('master');
    expect(inRequest(true, 'u1', () => readMode(routing))).toBe('slave');
    expect(inRequest(false, 'u1', () => readMode(routing))).toBe('master');
    expect(inRequest(undefined, 'u1', () => readMode(routing))).toBe('master');
    expect(inRequest(true, 'u1', () => readMode({ ...routing, replicas: 0 }))).toBe('master');
    expect(await inRequest(true, 'u1', () => onPrimary(async () => readMode(routing)))).toBe(
      'master',
    );

    writers.mark('u1', 5);
    expect(inRequest(true, 'u1', () => readMode(routing))).toBe('master');
    expect(inRequest(true, 'u2', () => readMode(routing))).toBe('slave');
    now += 5_000;
    expect(inRequest(true, 'u1', () => readMode(routing))).toBe('slave');
  });
});
