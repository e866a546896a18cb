import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { currentRequestId, enterRequestContext } from './request-context.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function response(): ServerResponse & { finish(): void } {
  const res = new EventEmitter() as unknown as ServerResponse & { finish(): void };
  Object.assign(res, {
    writableFinished: false,
    end: () => res,
    finish: () => {
      (res as { writableFinished: boolean }).writableFinished = true;
      res.emit('close');
    },
  });
  return res;
}

describe('a request context entered for one request', () => {
  it('carries the request id through the work of the request', async () => {
    const res = response();
    let seen: string | undefined;
    enterRequestContext('req-1', res, () => {
      void (async () => {
        await sleep(5);
        seen = currentRequestId();
        res.finish();
      })();
    });
    await sleep(30);
    expect(seen).toBe('req-1');
  });

  it('stays with work that goes on after its caller went away, until the work answers', async () => {
    const res = response();
    const seen: (string | undefined)[] = [];
    enterRequestContext('req-2', res, () => {
      void (async () => {
        await sleep(20);
        seen.push(currentRequestId());
        res.end();
      })();
    });
    // The caller hangs up before the answer.
    res.emit('close');
    await sleep(50);
    expect(seen).toEqual(['req-2']);
  });
});
