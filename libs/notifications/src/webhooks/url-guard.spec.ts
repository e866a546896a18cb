import { describe, expect, it } from '@jest/globals';
import { checkWebhookUrl, type HostLookup, type UrlGuardOptions } from './url-guard.js';

/** A resolver that knows a few names and nothing else (no DNS in these tests). */
const names: Record<string, string[]> = {
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.com': ['10.1.2.3'],
  'metadata.example.com': ['169.254.169.254'],
  'mixed.example.com': ['93.184.215.14', '192.168.1.20'],
  'loop.example.com': ['127.0.0.1'],
  'erp.park.local': ['10.20.0.5'],
  'mapped.example.com': ['::ffff:10.0.0.1'],
  'cgnat.example.com': ['100.64.1.1'],
  'ula.example.com': ['fd00::1'],
  localhost: ['127.0.0.1', '::1'],
};
const lookup: HostLookup = async (host) => {
  const found = names[host];
  if (!found)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const strict: UrlGuardOptions = { allowInsecure: false, allowedHosts: [], lookup };
const insecure: UrlGuardOptions = { ...strict, allowInsecure: true };

async function reason(raw: string, options = strict): Promise<string> {
  const check = await checkWebhookUrl(raw, options);
  if (check.ok) throw new Error(`${raw} was accepted`);
  return check.reason;
}

describe('the webhook URL guard', () => {
  it('accepts an https URL of a public host, with every address it resolves to', async () => {
    const check = await checkWebhookUrl('https://hooks.example.com/jcv?x=1', strict);
    expect(check).toMatchObject({
      ok: true,
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    });
    if (check.ok) expect(check.url.href).toBe('https://hooks.example.com/jcv?x=1');
    expect(await checkWebhookUrl('https://93.184.215.14:8443/in', strict)).toMatchObject({
      ok: true,
      addresses: [{ address: '93.184.215.14', family: 4 }],
    });
  });

  it('refuses private, link-local, loopback and other non-public addresses, however written', async () => {
    expect(await reason('https://10.0.0.1/')).toMatch(
      /10\.0\.0\.1 is not a public address \(private\)/,
    );
    expect(await reason('https://169.254.169.254/latest/meta-data')).toMatch(/linkLocal/);
    expect(await reason('https://127.0.0.1/')).toMatch(/loopback/);
    expect(await reason('https://[::1]/')).toMatch(/loopback/);
    expect(await reason('https://0.0.0.0/')).toMatch(/unspecified/);
    expect(await reason('https://[fe80::1]/')).toMatch(/linkLocal/);
    expect(await reason('https://[::ffff:10.0.0.1]/')).toMatch(/private/);
    // The URL parser reads other spellings of an IPv4 address as that address.
    expect(await reason('https://2130706433/')).toMatch(/127\.0\.0\.1.*loopback/);
    expect(await reason('https://0x0a.0.0.1/')).toMatch(/10\.0\.0\.1.*private/);
    expect(await reason('https://224.0.0.1/')).toMatch(/multicast/);
  });

  it('refuses a name that resolves to a non-public address, even one among public ones', async () => {
    expect(await reason('https://internal.example.com/')).toBe(
      'The host internal.example.com resolves to 10.1.2.3, which is not a public address (private)',
    );
    expect(await reason('https://metadata.example.com/')).toMatch(/169\.254\.169\.254/);
    expect(await reason('https://mixed.example.com/')).toMatch(/192\.168\.1\.20/);
    expect(await reason('https://mapped.example.com/')).toMatch(/private/);
    expect(await reason('https://cgnat.example.com/')).toMatch(/carrierGradeNat/);
    expect(await reason('https://ula.example.com/')).toMatch(/uniqueLocal/);
    expect(await reason('https://loop.example.com/')).toMatch(/127\.0\.0\.1.*loopback/);
    expect(await reason('https://localhost/')).toMatch(/loopback/);
    expect(await reason('https://nowhere.example.com/')).toBe(
      'The host nowhere.example.com does not resolve',
    );
  });

  it('lets WEBHOOK_ALLOWED_HOSTS reach their private addresses, over https only', async () => {
    const allowed = { ...strict, allowedHosts: ['erp.park.local'] };
    expect(await checkWebhookUrl('https://erp.park.local/hooks', allowed)).toMatchObject({
      ok: true,
      addresses: [{ address: '10.20.0.5', family: 4 }],
    });
    expect(await checkWebhookUrl('https://ERP.park.local./hooks', allowed)).toMatchObject({
      ok: true,
    });
    expect(await reason('http://erp.park.local/hooks', allowed)).toMatch(/https/);
    expect(await reason('https://internal.example.com/', allowed)).toMatch(/private/);
  });

  it('takes http:// on loopback hosts only, and only with WEBHOOK_ALLOW_INSECURE', async () => {
    expect(await reason('http://127.0.0.1:8080/hook')).toBe('The URL must start with https://');
    expect(await reason('http://localhost:8080/hook')).toBe('The URL must start with https://');
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', insecure)).toMatchObject({
      ok: true,
      addresses: [{ address: '127.0.0.1', family: 4 }],
    });
    expect(await checkWebhookUrl('http://[::1]:8080/hook', insecure)).toMatchObject({ ok: true });
    expect(await checkWebhookUrl('http://localhost:8080/hook', insecure)).toMatchObject({
      ok: true,
      addresses: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
    expect(await checkWebhookUrl('https://loop.example.com/', insecure)).toMatchObject({
      ok: true,
    });
    // Insecure is about loopback only: private addresses stay out, and so does http elsewhere.
    expect(await reason('http://hooks.example.com/', insecure)).toMatch(/https/);
    expect(await reason('http://loop.example.com/', insecure)).toMatch(/https/);
    expect(await reason('https://10.0.0.1/', insecure)).toMatch(/private/);
    expect(await reason('https://metadata.example.com/', insecure)).toMatch(/linkLocal/);
  });

  it('refuses what is not a plain https URL', async () => {
    expect(await reason('not a url')).toBe('Not a valid URL');
    expect(await reason('ftp://hooks.example.com/')).toMatch(/https/);
    expect(await reason('file:///etc/passwd')).toMatch(/https/);
    expect(await reason('https://user:pw@hooks.example.com/')).toMatch(/user name or password/);
    expect(await reason('https://user@hooks.example.com/')).toMatch(/user name or password/);
    expect(await reason(`https://hooks.example.com/${'a'.repeat(2000)}`)).toMatch(/2000/);
    const longest = `https://hooks.example.com/${'a'.repeat(2000 - 26)}`;
    expect(longest).toHaveLength(2000);
    expect(await checkWebhookUrl(longest, strict)).toMatchObject({ ok: true });
  });

  it('resolves names with the system resolver when given none', async () => {
    expect(
      await checkWebhookUrl('http://localhost:9/', { allowInsecure: true, allowedHosts: [] }),
    ).toMatchObject({ ok: true });
    expect(
      await checkWebhookUrl('https://localhost:9/', { allowInsecure: false, allowedHosts: [] }),
    ).toMatchObject({ ok: false });
  });
});
