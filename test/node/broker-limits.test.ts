/**
 * The token broker at scale, against the emulator's `POST /tokens` and a real `redis-server`:
 * limits that hold across instances, a client identity the client cannot choose, the daily
 * spend ceiling, failing closed while Redis is down, and the site's own `authorize` gate.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import {
  createRedisStore,
  createTokenHandler,
  toNodeHandler,
  type RedisStore,
  type TokenHandlerOptions,
} from '../../src/server/index.js';
import { startEmulator, type Harness } from './emulator-client.js';
import { redisServer, type RedisServer } from './redis-server.js';

const SITE = 'https://site.test';
const KEY = 'rk_emulator_local_key';
const HELIOS_CREDITS_PER_S = 17; // the emulator's price list

describe('token broker limits (Redis shared by instances)', () => {
  let h: Harness;
  let redis: RedisServer;
  const stores: RedisStore[] = [];
  let minted = 0; // POST /tokens calls that reached the platform
  const lines: string[] = [];
  let prefixes = 0;

  before(async () => {
    [h, redis] = await Promise.all([startEmulator(), redisServer()]);
  });
  after(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis.stop();
    await h.stop();
  });

  /** A Redis store on the test server; each test its own prefix unless given one. */
  const store = (prefix = `t${++prefixes}:`) => {
    const s = createRedisStore({ url: redis.url, prefix, timeoutMs: 1000 });
    stores.push(s);
    return s;
  };
  const broker = (extra: Partial<TokenHandlerOptions> = {}) =>
    createTokenHandler({
      apiKey: KEY,
      apiUrl: h.url,
      models: ['reactor/helios'],
      allowedOrigins: [SITE],
      log: (line) => lines.push(line),
      fetch: (input, init) => {
        if (String(input).endsWith('/tokens')) minted += 1;
        return fetch(input, init);
      },
      ...extra,
    });
  const ask = (
    handler: ReturnType<typeof broker>,
    remoteAddress = '203.0.113.7',
    headers: Record<string, string> = {},
  ) =>
    handler(new Request(`${SITE}/api/reactor-token`, { headers: { Origin: SITE, ...headers } }), {
      remoteAddress,
    });
  const statuses = async (responses: Promise<Response>[]) =>
    Promise.all(responses.map(async (r) => (await r).status));

  it('holds the per-client limit across two instances sharing Redis (memory: each counts alone)', async () => {
    const prefix = 'client:';
    const [a, b] = [
      broker({ perClientPerMinute: 3, store: store(prefix) }),
      broker({ perClientPerMinute: 3, store: store(prefix) }),
    ];
    const before = minted;
    const seen: number[] = [];
    for (const handler of [a, b, a, b]) seen.push((await ask(handler)).status);
    assert.deepEqual(seen, [200, 200, 200, 429], 'the 4th request, on instance b, is refused');
    assert.equal(minted - before, 3);
    const refused = await ask(a);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 55, 'about a minute to wait');

    // The same scenario on in-memory stores: each instance allows 3, so 6 tokens go out.
    const [m, n] = [broker({ perClientPerMinute: 3 }), broker({ perClientPerMinute: 3 })];
    const alone: number[] = [];
    for (const handler of [m, n, m, n, m, n, m, n]) alone.push((await ask(handler)).status);
    assert.deepEqual(alone, [200, 200, 200, 200, 200, 200, 429, 429]);
  });

  it('tells visitors apart by their socket address through toNodeHandler', async () => {
    const server = createServer(toNodeHandler(broker({ perClientPerMinute: 1, store: store() })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Two visitors: two loopback source addresses (all of 127/8 is this machine).
    const get = (localAddress: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/reactor-token',
            localAddress,
            headers: { Origin: SITE },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.once('error', reject);
        req.end();
      });
    try {
      assert.deepEqual(
        [
          await get('127.0.0.1'),
          await get('127.0.0.2'),
          await get('127.0.0.1'),
          await get('127.0.0.2'),
        ],
        [200, 200, 429, 429],
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('holds the per-site limit across instances, whichever client asks', async () => {
    const s = store();
    const [a, b] = [
      broker({ perSitePerMinute: 4, store: s }),
      broker({ perSitePerMinute: 4, store: store(`t${prefixes}:`) }),
    ];
    const seen = await statuses(
      [a, b, a, b, a, b].map((handler, i) => ask(handler, `198.51.100.${i + 1}`)),
    );
    assert.equal(seen.filter((x) => x === 200).length, 4);
    assert.equal(seen.filter((x) => x === 429).length, 2);
    assert.ok(lines.some((l) => l.includes('the site asked for more than 4 tokens a minute')));
  });

  it('counts a client that changes X-Forwarded-For on every request as one client', async () => {
    const handler = broker({ perClientPerMinute: 2, store: store() });
    const seen: number[] = [];
    for (let i = 0; i < 4; i++)
      seen.push((await ask(handler, '203.0.113.9', { 'X-Forwarded-For': `10.9.9.${i}` })).status);
    assert.deepEqual(seen, [200, 200, 429, 429]);
  });

  it('with trustProxy: 1 the hop the proxy appended counts, not what the client wrote', async () => {
    const handler = broker({ perClientPerMinute: 2, store: store(), trustProxy: 1 });
    const proxy = '10.0.0.2'; // every request arrives from the proxy's socket
    const via = (forwardedFor: string) => ask(handler, proxy, { 'X-Forwarded-For': forwardedFor });
    const seen: number[] = [];
    // One visitor (192.0.2.5, appended by the proxy) who forges a new left part each time.
    for (let i = 0; i < 3; i++) seen.push((await via(`10.9.9.${i}, 192.0.2.5`)).status);
    assert.deepEqual(seen, [200, 200, 429]);
    assert.equal((await via('192.0.2.6')).status, 200, 'another visitor behind the same proxy');
  });

  it('mints exactly floor(K / W) tokens under a daily ceiling, and the count survives a restart', async () => {
    const maxSessions = 2;
    const maxDuration = 60;
    const worst = maxSessions * maxDuration * HELIOS_CREDITS_PER_S; // 2,040 credits a token
    const ceiling = 10_000; // floor(10,000 / 2,040) = 4
    const prefix = 'ceiling:';
    const options = {
      maxSessions,
      maxDuration,
      dailyCreditCeiling: ceiling,
      perClientPerMinute: 100,
    };
    const first = broker({ ...options, store: store(prefix) });
    const before = minted;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) seen.push((await ask(first, `192.0.2.${i + 10}`)).status);
    assert.deepEqual(seen, [200, 200, 200, 200, 429, 429]);
    assert.equal(minted - before, Math.floor(ceiling / worst));
    const refused = await ask(first, '192.0.2.99');
    const body = (await refused.json()) as { error: string; code: string };
    assert.equal(body.code, 'daily-ceiling');
    assert.equal(typeof body.error, 'string');
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    const expected = (midnight.getTime() - Date.now()) / 1000;
    assert.ok(
      Math.abs(Number(refused.headers.get('retry-after')) - expected) < 5,
      'until the UTC day ends',
    );
    assert.ok(lines.some((l) => l.includes(`each token reserves ${worst} credits`)));

    // A new broker process (new handler, new client) on the same Redis: still refused.
    const restarted = broker({ ...options, store: store(prefix) });
    assert.equal((await ask(restarted, '192.0.2.200')).status, 429);
    assert.equal(minted - before, 4);
  });

  it('under a daily ceiling, a model priced 0 (or 1e-300) has no price: no token (503), said in the log', async () => {
    for (const rate of [0, 1e-300]) {
      const handler = broker({
        dailyCreditCeiling: 10_000,
        store: store(`free-${rate}:`),
        fetch: (input, init) => {
          if (String(input).endsWith('/pricing'))
            return Promise.resolve(
              Response.json({
                settings: { credits_per_dollar: 10_000 },
                models: [{ name: 'helios', rate: { amount_per_sec: rate } }],
              }),
            );
          if (String(input).endsWith('/tokens')) minted += 1;
          return fetch(input, init);
        },
      });
      const before = minted;
      const refused = await ask(handler, '192.0.2.77');
      assert.equal(refused.status, 503, `rate ${rate}`);
      assert.equal(((await refused.json()) as { code: string }).code, 'pricing-unavailable');
      assert.equal(minted, before, 'no token was asked for');
      assert.ok(lines.some((l) => l.includes('helios has no public price')));
    }
  });

  it('gives every key it writes an expiry', () => {
    const cli = (...args: string[]) =>
      execFileSync('redis-cli', ['-u', redis.url, ...args], { encoding: 'utf8' }).trim();
    const keys = cli('--scan').split('\n').filter(Boolean);
    assert.ok(keys.length >= 8, `keys: ${keys.join(', ')}`);
    for (const key of keys) assert.ok(Number(cli('PTTL', key)) > 0, `${key} expires`);
    assert.ok(keys.some((k) => /^ceiling:credits:\d{4}-\d\d-\d\d$/.test(k)));
    assert.ok(keys.includes('client:client:203.0.113.7'));
  });

  it('fails closed while Redis is down (503, no token) and recovers by itself', async () => {
    const handler = broker({ store: store() });
    assert.equal((await ask(handler)).status, 200);
    await redis.stop();
    const before = minted;
    const down = await ask(handler);
    assert.equal(down.status, 503);
    assert.ok(Number(down.headers.get('retry-after')) >= 1);
    assert.equal(down.headers.get('cache-control'), 'no-store');
    assert.equal(((await down.json()) as { code: string }).code, 'limits-unavailable');
    assert.equal((await ask(handler)).status, 503);
    assert.equal(minted, before, 'no token was asked for');
    assert.equal(
      lines.filter((l) => l.includes('limits-unavailable')).length,
      1,
      'one line per outage',
    );
    await redis.start();
    await h.waitFor(
      async () => (await ask(handler)).status === 200,
      'a token after Redis came back',
      15_000,
    );
    assert.ok(lines.some((l) => l.includes('the limit store answers again')));
  });

  it('lets authorize refuse (401/403) before any limit or upstream call', async () => {
    const before = minted;
    const signedOut = broker({ store: store(), authorize: () => ({ status: 401 }) });
    const r401 = await ask(signedOut);
    assert.equal(r401.status, 401);
    assert.deepEqual(await r401.json(), {
      error: 'Sign in to start a session.',
      code: 'unauthenticated',
      message: 'Sign in to start a session.',
    });
    const banned = broker({
      authorize: async (request) => request.headers.get('Cookie') === 'plan=paid',
    });
    assert.equal((await ask(banned)).status, 403);
    assert.equal(minted, before, 'no upstream call was made');
    assert.equal((await ask(banned, undefined, { Cookie: 'plan=paid' })).status, 200);
  });
});
