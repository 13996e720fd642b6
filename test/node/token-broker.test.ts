import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenHandler, toNodeHandler } from '../../src/server/index.js';
import { startEmulator, type Harness } from './emulator-client.js';

const SITE = 'https://site.test';
const KEY = 'rk_emulator_local_key';

describe('token broker against the emulator', () => {
  let h: Harness;
  before(async () => (h = await startEmulator()));
  after(() => h.stop());

  const broker = (extra: Partial<Parameters<typeof createTokenHandler>[0]> = {}) =>
    createTokenHandler({
      apiKey: KEY,
      apiUrl: h.url,
      models: ['reactor/helios'],
      allowedOrigins: [SITE],
      maxSessions: 2,
      ...extra,
    });
  const ask = (handler: ReturnType<typeof broker>, init: RequestInit & { path?: string } = {}) =>
    handler(
      new Request(`${SITE}${init.path ?? '/api/reactor-token'}`, {
        headers: { Origin: SITE },
        ...init,
      }),
    );

  it('hands an allowed origin a JWT scoped to its models and session count', async () => {
    const res = await ask(broker());
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('access-control-allow-origin'), SITE);
    const { jwt, expires_at } = (await res.json()) as { jwt: string; expires_at: number };
    assert.ok(expires_at > Date.now() / 1000);
    assert.equal(
      (await h.createSession(jwt, 'lingbot')).status,
      403,
      'other models are out of scope',
    );
    assert.equal((await h.createSession(jwt, 'helios')).status, 201);
    assert.equal((await h.createSession(jwt, 'helios')).status, 201);
    assert.equal((await h.createSession(jwt, 'helios')).status, 403, 'max_sessions is enforced');
  });

  it('accepts a same-origin GET that carries only a Referer', async () => {
    const res = await broker()(
      new Request(`${SITE}/api/reactor-token`, { headers: { Referer: `${SITE}/demo` } }),
    );
    assert.equal(res.status, 200);
  });

  it('rejects other origins (403), unknown models (400) and bursts (429)', async () => {
    const handler = broker({ perClientPerMinute: 2 });
    const foreign = await handler(
      new Request(`${SITE}/api/reactor-token`, { headers: { Origin: 'https://evil.test' } }),
    );
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.equal(
      (await handler(new Request(`${SITE}/api/reactor-token`))).status,
      403,
      'no origin at all',
    );
    const unknown = await ask(handler, { path: '/api/reactor-token?model=<b>lingbot</b>' });
    assert.equal(unknown.status, 400);
    assert.equal((await ask(handler, { path: '/api/reactor-token?model=helios' })).status, 200);
    assert.equal(
      (await ask(handler, { method: 'POST', body: JSON.stringify({ model: 'reactor/helios' }) }))
        .status,
      200,
    );
    const burst = await ask(handler);
    assert.equal(burst.status, 429);
    assert.ok(Number(burst.headers.get('retry-after')) >= 1);
  });

  it('never passes the key or the upstream body to the browser', async () => {
    const wrongKey = 'rk_secret_that_must_not_leak';
    const res = await ask(broker({ apiKey: wrongKey }));
    assert.equal(res.status, 502);
    const text = await res.text();
    assert.ok(!text.includes(wrongKey));
    assert.ok(!text.includes('Reactor-API-Key'), text);
    const down = await ask(broker({ apiUrl: 'http://127.0.0.1:9' }));
    assert.equal(down.status, 502);
  });

  it('answers refusals as {error, code, message} and logs one line each, without secrets', async () => {
    const lines: string[] = [];
    const wrongKey = 'rk_secret_that_must_not_leak';
    const handler = broker({ apiKey: wrongKey, log: (line) => lines.push(line) });
    const foreign = await handler(
      new Request(`${SITE}/api/reactor-token`, { headers: { Origin: 'https://evil.test' } }),
    );
    assert.deepEqual(await foreign.json(), {
      error: 'This origin may not request tokens.',
      code: 'origin-not-allowed',
      message: 'This origin may not request tokens.',
    });
    const refused = await ask(handler);
    assert.equal(refused.status, 502);
    assert.deepEqual(await refused.json(), {
      error: 'The token service refused (401).',
      code: 'token-service-refused',
      message: 'The token service refused (401).',
    });
    assert.deepEqual(lines, [
      '[reactor-elements token broker] 403 origin-not-allowed: origin https://evil.test is not in allowedOrigins',
      // Called without the connection's address (no toNodeHandler here): said once.
      '[reactor-elements token broker] the client address is unknown, so every client shares one per-client limit: mount it with toNodeHandler, pass { remoteAddress } as the second argument, or set trustProxy or clientKey',
      `[reactor-elements token broker] 502 token-service-refused: POST ${h.url}/tokens answered 401 (check apiKey)`,
    ]);
    assert.ok(!lines.join('\n').includes(wrongKey));
  });

  it('refuses to start without a key, models or origins', () => {
    assert.throws(
      () => createTokenHandler({ apiKey: '', models: ['helios'], allowedOrigins: [SITE] }),
      /apiKey/,
    );
    assert.throws(
      () => createTokenHandler({ apiKey: KEY, models: [], allowedOrigins: [SITE] }),
      /model/,
    );
    assert.throws(
      () => createTokenHandler({ apiKey: KEY, models: ['helios'], allowedOrigins: [] }),
      /origins/,
    );
  });

  it('mounts on node:http through the adapter', async () => {
    const server = createServer(toNodeHandler(broker()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/reactor-token`, {
        method: 'POST',
        headers: { Origin: SITE },
        body: '{}',
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(typeof ((await res.json()) as { jwt: unknown }).jwt, 'string');
    } finally {
      server.close();
    }
  });

  describe('bodies: read only when needed, within bounds', () => {
    let port = 0;
    let server: ReturnType<typeof createServer>;
    before(async () => {
      server = createServer(toNodeHandler(broker()));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    after(() => {
      server.closeAllConnections();
      server.close();
    });

    /**
     * A POST that declares `declared` bytes and sends `chunk` every `everyMs` until answered;
     * resolves with the status and how long the answer took.
     */
    const post = (
      headers: Record<string, string>,
      declared: number,
      chunk: Buffer,
      everyMs: number,
    ) =>
      new Promise<{ status: number; ms: number; sent: number }>((resolve, reject) => {
        const started = Date.now();
        let sent = 0;
        let answered = false;
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/reactor-token',
            method: 'POST',
            headers: { ...headers, 'Content-Length': String(declared) },
          },
          (res) => {
            answered = true;
            res.resume();
            resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, sent });
            req.destroy(); // the rest of the body is not sent
          },
        );
        req.on('error', (error) => (answered ? undefined : reject(error)));
        const pump = () => {
          if (answered || sent + chunk.length > declared) return;
          sent += chunk.length;
          req.write(chunk, () => setTimeout(pump, everyMs));
        };
        pump();
      });

    it('a huge body from a foreign page is refused (403) before it is read', async () => {
      const mb = Buffer.alloc(1 << 20, 120);
      const rss = process.memoryUsage().rss;
      const answer = await post({}, 500 * (1 << 20), mb, 0);
      assert.equal(answer.status, 403);
      assert.ok(answer.sent < 100 * (1 << 20), `${answer.sent} bytes sent before the answer`);
      assert.ok(process.memoryUsage().rss - rss < 100 * (1 << 20), 'the body was not kept');
    });

    it('a body over 4 KiB from an allowed page is refused (413), declared or not', async () => {
      const declared = await post({ Origin: SITE }, 100_000, Buffer.alloc(10_000, 32), 0);
      assert.equal(declared.status, 413);
      const chunked = await fetch(`http://127.0.0.1:${port}/api/reactor-token`, {
        method: 'POST',
        headers: { Origin: SITE },
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(3000).fill(32));
            controller.enqueue(new Uint8Array(3000).fill(32));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      assert.equal(chunked.status, 413);
    });

    it('a body dripped a byte a second is cut off (408) within the bound', async () => {
      const answer = await post({ Origin: SITE }, 200, Buffer.from(' '), 1000);
      assert.equal(answer.status, 408);
      assert.ok(answer.ms < 7000, `${answer.ms} ms`);
    });
  });
});
