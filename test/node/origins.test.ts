import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTokenHandler } from '../../src/server/index.js';
import { originMatcher } from '../../src/server/origins.js';

describe('allowedOrigins: exact origins and wildcard subdomains', () => {
  const allowed = originMatcher([
    'https://*.webflow.io',
    'https://www.example.com/',
    'http://localhost:8080',
  ]);

  it('a wildcard matches every subdomain of its domain, on its scheme and port only', () => {
    for (const origin of ['https://my-site.webflow.io', 'https://a.b.webflow.io'])
      assert.equal(allowed.has(origin), true, origin);
    for (const origin of [
      'https://webflow.io',
      'https://webflow.io.evil.example',
      'https://evilwebflow.io',
      'http://my-site.webflow.io',
      'https://my-site.webflow.io:8443',
      'https://my-site.webflow.io/path',
      'null',
    ])
      assert.equal(allowed.has(origin), false, origin);
  });

  it('exact origins match themselves (a trailing slash, case and a default port are fine)', () => {
    assert.equal(allowed.has('https://www.example.com'), true);
    assert.equal(allowed.has('http://localhost:8080'), true);
    assert.equal(allowed.has('https://example.com'), false);
    assert.equal(allowed.has('http://localhost:8081'), false);
    assert.equal(originMatcher(['https://Example.COM:443']).has('https://example.com'), true);
  });

  it('refuses, with a clear error, entries that are no origin or too wide a wildcard', () => {
    for (const entry of [
      '*',
      'https://*',
      'https://*.io',
      '*.webflow.io',
      'example.com',
      'https://example.com/path',
      'https://example.com?x=1',
      'https://a.*.example.com',
    ])
      assert.throws(
        () => originMatcher([entry]),
        (error: Error) => error.message.includes(JSON.stringify(entry)),
        entry,
      );
  });

  it('a wildcard over a domain every site of a builder shares is warned about at start', () => {
    const lines: string[] = [];
    createTokenHandler({
      apiKey: 'rk_test',
      models: ['reactor/helios'],
      allowedOrigins: ['https://*.webflow.io', 'https://*.example.com'],
      log: (line) => lines.push(line),
    });
    assert.deepEqual(lines, [
      '[reactor-elements token broker] allowedOrigins: https://*.webflow.io lets every site on that shared domain ask for tokens on your account; list your own subdomain (e.g. https://my-site.webflow.io) instead.',
    ]);
  });

  it('the broker answers a preview subdomain and refuses a look-alike', async () => {
    const handler = createTokenHandler({
      apiKey: 'rk_test',
      apiUrl: 'http://127.0.0.1:9',
      models: ['reactor/helios'],
      allowedOrigins: ['https://*.webflow.io'],
      fetch: () => Promise.resolve(Response.json({ jwt: 'j.w.t', expires_at: 2e9 })),
      log: () => undefined,
    });
    const ask = (origin: string) =>
      handler(new Request('https://broker.test/', { headers: { Origin: origin } }));
    const ok = await ask('https://my-site.webflow.io');
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://my-site.webflow.io');
    assert.equal((await ask('https://webflow.io.evil.example')).status, 403);
  });
});
