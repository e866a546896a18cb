import http from 'node:http';
import type { FuzzCase } from './cases.js';
import type { Answer } from './oracle.js';

/** Long enough for any honest answer on a busy machine; past it the server is taken as hung. */
const NO_ANSWER_MS = 20_000;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * Sends a case as written: node:http rather than fetch, which would refuse some methods, bodies
 * and paths before they left.
 */
export function send(port: number, c: FuzzCase): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...c.headers };
    if (c.body !== undefined) headers['content-length'] = Buffer.byteLength(c.body);
    let req: http.ClientRequest;
    try {
      req = http.request(
        { host: '127.0.0.1', port, method: c.method, path: c.path, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
        },
      );
    } catch (e) {
      resolve({ status: 0, body: '', error: (e as Error).message, unsent: true });
      return;
    }
    req.setTimeout(NO_ANSWER_MS, () => req.destroy(new Error(`no answer in ${NO_ANSWER_MS} ms`)));
    req.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
    if (c.body !== undefined) req.write(c.body);
    req.end();
  });
}

export function closeAgent(): void {
  agent.destroy();
}
