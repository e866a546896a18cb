import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** An address a host name resolved to, as the request will connect to it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all of its addresses (node:dns by default; tests give their own). */
export type HostLookup = (
  hostname: string,
) => Promise<readonly { address: string; family: number }[]>;

export interface UrlGuardOptions {
  /** http:// on loopback hosts, and loopback addresses (WEBHOOK_ALLOW_INSECURE). */
  allowInsecure: boolean;
  /** Host names whose private addresses may be reached (WEBHOOK_ALLOWED_HOSTS, lower-case). */
  allowedHosts: readonly string[];
  lookup?: HostLookup;
}

export type UrlCheck =
  { ok: true; url: URL; addresses: ResolvedAddress[] } | { ok: false; reason: string };

export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** Every address of the name, in the resolver's order, IPv4 and IPv6 alike. */
export const systemLookup: HostLookup = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

const refuse = (reason: string): UrlCheck => ({ ok: false, reason });

/** A host name as written in the URL, without the brackets of an IPv6 literal or a final dot. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/**
 * The kind of an address in ipaddr.js's terms ('unicast' is a public unicast address). An IPv6
 * address that carries an IPv4 one (::ffff:10.0.0.1) is judged as that IPv4 address, so the
 * mapped form of a private address is no way round the rule.
 */
function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}

/**
 * Whether a webhook may be sent to `raw`, and the addresses the request must connect to.
 *
 * The check is made when an endpoint is registered and again before every delivery, with the
 * name resolved then: the request connects to the addresses checked here (the sender pins them),
 * so a name that later resolves to an internal host cannot be used to reach it.
 */
export async function checkWebhookUrl(raw: string, options: UrlGuardOptions): Promise<UrlCheck> {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    return refuse(`The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('Not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refuse('The URL must start with https://');
  if (url.username || url.password) return refuse('The URL must not hold a user name or password');
  const host = bareHost(url);
  if (!host) return refuse('The URL has no host');
  const literal = ipaddr.isValid(host);
  if (url.protocol === 'http:') {
    const loopbackHost = host === 'localhost' || (literal && rangeOf(host) === 'loopback');
    if (!options.allowInsecure || !loopbackHost) return refuse('The URL must start with https://');
  }

  let addresses: ResolvedAddress[];
  if (literal) {
    const parsed = ipaddr.parse(host);
    addresses = [{ address: parsed.toString(), family: parsed.kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      const found = await (options.lookup ?? systemLookup)(host);
      addresses = found
        .filter((a) => ipaddr.isValid(a.address))
        .map((a) => ({ address: a.address, family: a.address.includes(':') ? 6 : 4 }));
    } catch {
      addresses = [];
    }
    if (!addresses.length) return refuse(`The host ${host} does not resolve`);
  }

  if (options.allowedHosts.includes(host.toLowerCase())) return { ok: true, url, addresses };
  for (const { address } of addresses) {
    const range = rangeOf(address);
    if (range === 'unicast') continue;
    if (range === 'loopback' && options.allowInsecure) continue;
    return refuse(
      literal
        ? `${address} is not a public address (${range})`
        : `The host ${host} resolves to ${address}, which is not a public address (${range})`,
    );
  }
  return { ok: true, url, addresses };
}
