import { expect } from '@open-wc/testing';
import { rejection } from '../helpers/assertions.js';
import { PlatformError } from '../../src/platform/errors.js';
import {
  TokenSource,
  checkSessionLease,
  jwtExpiry,
  refuseApiKey,
  tokenDeadlineOf,
} from '../../src/platform/tokens.js';
import { emulatorUrl, resetEmulator } from '../helpers/emulator.js';

describe('platform/tokens', () => {
  let url: string;
  let requests: string[];
  const originalFetch = window.fetch;
  before(async () => (url = await emulatorUrl()));
  beforeEach(async () => {
    await resetEmulator();
    requests = [];
    window.fetch = (input, init) => {
      if (String(input).includes('/api/reactor-token')) requests.push(init?.method ?? 'GET');
      return originalFetch(input, init);
    };
  });
  afterEach(() => (window.fetch = originalFetch));

  it('fetches {jwt, expires_at} once for concurrent callers and memoises it until shortly before expiry', async () => {
    let now = Date.now();
    const source = new TokenSource({
      url: `${url}/api/reactor-token?expires_after=120`,
      now: () => now,
    });
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a).to.equal(b);
    expect(a.split('.')).to.have.length(3);
    expect(await source.get()).to.equal(a);
    expect(requests).to.deep.equal(['GET']);
    now += 89_000; // 31 s before expiry: still used
    expect(await source.get()).to.equal(a);
    now += 2_000; // inside the 30 s margin: refetched
    expect(await source.get()).to.not.equal(a);
    expect(requests).to.have.length(2);
  });

  it('uses POST when asked', async () => {
    await new TokenSource({ url: `${url}/api/reactor-token`, method: 'POST' }).get();
    expect(requests).to.deep.equal(['POST']);
  });

  it('accepts {token} and plain strings from a provider, reading the expiry from the JWT', async () => {
    const { jwt } = (await (await originalFetch(`${url}/api/reactor-token`)).json()) as {
      jwt: string;
    };
    expect(jwtExpiry(jwt)).to.be.a('number');
    expect(await new TokenSource({ provider: async () => ({ token: jwt }) }).get()).to.equal(jwt);
    expect(await new TokenSource({ provider: async () => jwt }).get()).to.equal(jwt);
  });

  it('leases a token with its expiry on the page clock, even a clock that runs behind', async () => {
    const route = `${url}/api/reactor-token?expires_after=120`;
    const lease = await new TokenSource({ url: route }).lease();
    expect(lease.expiresAt! - Date.now()).to.be.within(110_000, 121_000);
    // Ten minutes behind: `exp` alone would read as 12 minutes left; `exp - iat` says 2.
    const behind = () => Date.now() - 600_000;
    const skewed = await new TokenSource({ url: route, now: behind }).lease();
    expect(skewed.expiresAt! - behind()).to.be.within(110_000, 121_000);
    const source = new TokenSource({ url: route });
    const first = await source.lease();
    expect(await source.lease()).to.equal(first);
    source.invalidate();
    expect((await source.lease()).jwt).to.not.equal(first.jwt);
    expect(requests).to.have.length(4);
  });

  it('refuses a token too short to run a session, with the fix', () => {
    const now = Date.now();
    expect(() => checkSessionLease({ jwt: 'x', expiresAt: now + 20_000 }, now)).to.throw(
      /expires in 20 s; a session needs 30 s or more .*raise expires_after/,
    );
    expect(() => checkSessionLease({ jwt: 'x', expiresAt: now + 30_000 }, now)).to.not.throw();
    expect(() => checkSessionLease({ jwt: 'x', expiresAt: null }, now)).to.not.throw();
    expect(tokenDeadlineOf({ jwt: 'x', expiresAt: now + 60_000 })).to.equal(now + 45_000);
  });

  it('refuses an rk_ API key wherever it appears, as a setup mistake', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      expect(() => new TokenSource({ token: 'rk_live_123' })).to.throw(/API key/);
      const fromBackend = await rejection(
        new TokenSource({ provider: async () => ({ jwt: 'rk_live_123' }) }).get(),
      );
      expect([fromBackend.code, fromBackend.setup]).to.deep.equal(['forbidden', true]);
      expect(() => refuseApiKey('  RK_abc', 'x')).to.throw(PlatformError);
    } finally {
      console.error = original;
    }
    // The platform layer throws; the element that shows the failure logs the one console line.
    expect(errors).to.have.length(0);
  });

  it('rejects answers without a token, expired tokens and a missing source', async () => {
    const noToken = await rejection(new TokenSource({ url: `${url}/pricing` }).get());
    expect([noToken.code, noToken.setup, noToken.message]).to.deep.equal([
      'bad-response',
      true,
      'The token route answered no token (expected {jwt, expires_at}).',
    ]);
    const missing = await rejection(new TokenSource({ url: `${url}/api/no-such-route` }).get());
    expect([missing.code, missing.status, missing.setup]).to.deep.equal(['not-found', 404, true]);
    expect(missing.message).to.match(
      /^token-url .*\/api\/no-such-route answered 404: .* It must answer \{jwt, expires_at\}/,
    );
    const expired = await rejection(
      new TokenSource({ provider: async () => ({ jwt: 'a.b.c', expires_at: 1 }) }).get(),
    );
    expect(expired.message).to.contain('expired');
    expect(() => new TokenSource({})).to.throw(/token URL/);
  });
});
