import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { requestContext, withRequestId } from '@jcv/shared';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('logs', () => {
  it('are JSON lines carrying the request id', () => {
    const { logger, lines } = capture();
    requestContext.run({ requestId: 'req-42', sqlStatements: 0 }, () => logger.info('hello'));
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'hello',
      requestId: 'req-42',
      service: 'jcv',
    });
  });

  it('carry the request id of work that runs outside a request context but knows its request', () => {
    const { logger, lines } = capture();
    withRequestId('req-43', () => logger.error('failed'));
    logger.info('after');
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'failed', requestId: 'req-43' });
    expect(JSON.parse(lines[1]).requestId).toBeUndefined();
  });

  it('never contain passwords, tokens or secrets', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJhbGciOi.secret.sig', cookie: 'sid=abc' } },
        input: { password: 'hunter2-hunter2', refreshToken: 'r.t', accessToken: 'a.t' },
        config: { jwtSecret: 'the-signing-key' },
      },
      'request',
    );
    const out = lines.join('');
    for (const secret of ['eyJhbGciOi', 'sid=abc', 'hunter2', 'r.t"', 'a.t"', 'the-signing-key']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
