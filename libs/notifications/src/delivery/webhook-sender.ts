import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { type HostLookup, type ResolvedAddress, systemLookup } from '../webhooks/url-guard.js';

/** One attempt: where to (checked by the URL guard), and the exact bytes to send. */
export interface WebhookRequest {
  url: URL;
  /** The addresses the guard checked: the connection goes to one of these and nowhere else. */
  addresses: readonly ResolvedAddress[];
  headers: Record<string, string>;
  body: string;
}

/** The receiver's answer (its HTTP status), or why there was none. */
export type WebhookAnswer = { status: number } | { error: string };

export interface WebhookSenderOptions {
  /** How long the receiver has to answer (15 s). */
  timeoutMs?: number;
  /** How host names are resolved for the URL guard (node:dns by default). */
  lookup?: HostLookup;
}

export const WEBHOOK_SENDER_OPTIONS = Symbol('WEBHOOK_SENDER_OPTIONS');

export const WEBHOOK_TIMEOUT_MS = 15_000;

/**
 * A lookup that answers with the checked addresses only: whatever the name resolves to by the
 * time the socket connects, the request reaches an address the guard has seen.
 */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = family ? addresses.filter((a) => a.family === family) : [...addresses];
    if (!usable.length) {
      const err = Object.assign(new Error(`no checked address of ${hostname}`), {
        code: 'ENOTFOUND',
      });
      callback(err, '', 0);
      return;
    }
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, usable);
    else callback(null, usable[0].address, usable[0].family);
  };
}

/**
 * Sends one webhook POST with node:http or node:https: no redirects (a 3xx is an answer like any
 * other non-2xx), no connection pooling (every attempt connects to the address checked for it),
 * and a deadline for the answer. The body of the answer is read and dropped.
 */
@Injectable()
export class WebhookSender {
  readonly timeoutMs: number;
  readonly lookup: HostLookup;

  constructor(@Optional() @Inject(WEBHOOK_SENDER_OPTIONS) options: WebhookSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.lookup = options.lookup ?? systemLookup;
  }

  send(request: WebhookRequest): Promise<WebhookAnswer> {
    const { url } = request;
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<WebhookAnswer>((resolve) => {
      let settled = false;
      const finish = (answer: WebhookAnswer) => {
        if (settled) return;
        settled = true;
        resolve(answer);
      };
      const req = transport.request(url, {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(request.addresses),
        headers: {
          ...request.headers,
          'content-length': String(Buffer.byteLength(request.body)),
          'user-agent': 'jcv-webhooks/1',
        },
      });
      // One deadline for the whole exchange, cleared once the answer has been read.
      const deadline = setTimeout(() => {
        finish({ error: `no answer in ${this.timeoutMs / 1000} s` });
        req.destroy();
      }, this.timeoutMs);
      req.on('response', (res) => {
        finish({ status: res.statusCode ?? 0 });
        res.resume();
        res.on('close', () => clearTimeout(deadline));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(deadline);
        finish({ error: err.code ? `${err.code}: ${err.message}` : err.message });
      });
      req.end(request.body);
    });
  }
}
