import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEmulator,
  connectSession,
  connectPeer,
  sessionBody,
  type Harness,
} from './emulator-client.js';

describe('emulator: public routes and tokens', () => {
  let h: Harness;
  before(async () => (h = await startEmulator()));
  after(() => h.stop());
  beforeEach(() => h.emulator.platform.reset());

  it('serves the pricing document with helios at 17 credits/s', async () => {
    const doc = await h.json<{
      settings: { credits_per_dollar: number };
      models: { name: string; rate: { amount_per_sec: number } }[];
    }>('GET', '/pricing');
    assert.equal(doc.settings.credits_per_dollar, 10_000);
    assert.equal(doc.models.find((m) => m.name === 'helios')?.rate.amount_per_sec, 17);
    const lingbot = doc.models.find((m) => m.name === 'lingbot')?.rate.amount_per_sec;
    assert.ok(lingbot && lingbot !== 17);
  });

  it('can leave out the models field, or serve a broken body', async () => {
    await h.call('POST', '/_emulator/config', { body: { pricingListsModels: false } });
    assert.equal('models' in (await h.json('GET', '/pricing')), false);
    await h.call('POST', '/_emulator/config', { body: { pricingBody: '<html>oops' } });
    assert.equal(await (await h.call('GET', '/pricing')).text(), '<html>oops');
  });

  it('mints tokens only for the API key, clamps the lifetime, and never caches them', async () => {
    const denied = await h.call('POST', '/tokens', {
      headers: { 'Reactor-API-Key': 'rk_wrong' },
      body: {},
    });
    assert.equal(denied.status, 401);
    assert.equal(((await denied.json()) as { code: string }).code, 'unauthorized');
    const now = Math.floor(Date.now() / 1000);
    const minted = await h.call('POST', '/tokens', {
      headers: { 'Reactor-API-Key': 'rk_emulator_local_key' },
      body: { expires_after: 999_999 },
    });
    assert.equal(minted.status, 200);
    assert.equal(minted.headers.get('cache-control'), 'no-store');
    const { jwt, expires_at } = (await minted.json()) as { jwt: string; expires_at: number };
    assert.equal(jwt.split('.').length, 3);
    assert.ok(Math.abs(expires_at - now - 21_600) <= 1, `expires_at ${expires_at - now}s from now`);
  });

  it('answers 401 for a missing, forged or expired token', async () => {
    assert.equal((await h.call('POST', '/sessions', { body: sessionBody('helios') })).status, 401);
    const good = await h.token();
    const forged = good.slice(0, -4) + (good.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    assert.equal((await h.createSession(forged)).status, 401);
    const expired = await h.token({ exp: Math.floor(Date.now() / 1000) - 10 });
    const res = await h.createSession(expired);
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, 'unauthorized');
  });

  it('answers 426 for an unsupported API or WebRTC version', async () => {
    const jwt = await h.token();
    const api = await h.call('POST', '/sessions', {
      jwt,
      body: sessionBody('helios'),
      headers: { 'Reactor-API-Version': '2' },
    });
    assert.equal(api.status, 426);
    const id = ((await (await h.createSession(jwt)).json()) as { session_id: string }).session_id;
    const transport = await h.call('GET', `/sessions/${id}/transport/webrtc/ice_servers`, {
      jwt,
      headers: { 'Reactor-WebRTC-Version': '0.9' },
    });
    assert.equal(transport.status, 426);
  });

  it('answers CORS preflights', async () => {
    const res = await fetch(`${h.url}/sessions`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://site.test', 'Access-Control-Request-Method': 'DELETE' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://site.test');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  it('scopes tokens to models and a session count', async () => {
    const lingbotOnly = await h.token({ models: ['lingbot'], max_sessions: 1 });
    assert.equal((await h.createSession(lingbotOnly, 'helios')).status, 403);
    assert.equal((await h.createSession(lingbotOnly, 'reactor/lingbot')).status, 201);
    assert.equal((await h.createSession(lingbotOnly, 'lingbot')).status, 403);
    const other = await h.token({ models: ['helios'] });
    const id = ((await (await h.createSession(other)).json()) as { session_id: string }).session_id;
    assert.equal((await h.call('GET', `/sessions/${id}`, { jwt: lingbotOnly })).status, 404);
  });

  it('rejects unknown models and bad JSON clearly', async () => {
    const jwt = await h.token();
    assert.equal((await h.createSession(jwt, 'nope')).status, 404);
    const bad = await fetch(`${h.url}/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    assert.equal(bad.status, 400);
  });
});

describe('emulator: sessions, limits and faults', () => {
  let h: Harness;
  let jwt: string;
  before(async () => (h = await startEmulator()));
  after(() => h.stop());
  beforeEach(async () => {
    h.emulator.platform.reset();
    await h.call('POST', '/_emulator/config', { body: { gpuDelayMs: 100 } });
    jwt = await h.token();
  });

  it('goes CREATED → WAITING → ACTIVE and only then lists capabilities', async () => {
    await h.call('POST', '/_emulator/config', { body: { gpuDelayMs: 400 } });
    const res = await h.createSession(jwt);
    assert.equal(res.status, 201);
    const created = (await res.json()) as {
      session_id: string;
      state: string;
      capabilities?: unknown;
    };
    assert.equal(created.state, 'CREATED');
    assert.equal(created.capabilities, undefined);
    await new Promise((r) => setTimeout(r, 150));
    const waiting = await h.json<{ state: string; capabilities?: unknown }>(
      'GET',
      `/sessions/${created.session_id}`,
      { jwt },
    );
    assert.equal(waiting.state, 'WAITING');
    assert.equal(waiting.capabilities, undefined);
    await new Promise((r) => setTimeout(r, 350));
    const active = await h.json<{
      state: string;
      capabilities: { tracks: { name: string; direction: string }[] };
      selected_transport: { protocol: string };
    }>('GET', `/sessions/${created.session_id}`, { jwt });
    assert.equal(active.state, 'ACTIVE');
    assert.deepEqual(active.capabilities.tracks[0], {
      name: 'main_video',
      kind: 'video',
      direction: 'recvonly',
    });
    assert.equal(active.selected_transport.protocol, 'webrtc');
    const info = await h.json('GET', `/sessions/${created.session_id}/info`, { jwt });
    assert.deepEqual(Object.keys(info).sort(), ['cluster', 'session_id', 'state']);
  });

  it('DELETE ends a session as client, and answers 404 for unknown or ended ones', async () => {
    const id = ((await (await h.createSession(jwt)).json()) as { session_id: string }).session_id;
    assert.equal((await h.call('DELETE', `/sessions/${id}`, { jwt })).status, 200);
    const entry = await h.entry(id);
    assert.equal(entry.ended_by, 'client');
    assert.equal(entry.billed_ms, 0, 'never ready, never billed');
    assert.equal((await h.call('DELETE', `/sessions/${id}`, { jwt })).status, 404);
    assert.equal(
      (await h.call('DELETE', '/sessions/00000000-0000-4000-8000-000000000000', { jwt })).status,
      404,
    );
  });

  it('answers 429 with Retry-After at the 6th concurrent session', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await h.createSession(jwt);
      assert.equal(res.status, 201, `session ${i + 1}`);
      ids.push(((await res.json()) as { session_id: string }).session_id);
    }
    const sixth = await h.createSession(jwt);
    assert.equal(sixth.status, 429);
    assert.equal(sixth.headers.get('retry-after'), '5');
    const body = (await sixth.json()) as { code: string; retry_after: number };
    assert.equal(body.code, 'concurrency-limit');
    assert.equal(body.retry_after, 5);
    await h.call('DELETE', `/sessions/${ids[0]}`, { jwt });
    assert.equal((await h.createSession(jwt)).status, 201, 'a freed slot can be used');
  });

  it('answers 429 past the per-model sessions-per-minute limit', async () => {
    await h.call('POST', '/_emulator/config', {
      body: { sessionsPerMinute: 2, concurrencyLimit: 50 },
    });
    assert.equal((await h.createSession(jwt)).status, 201);
    assert.equal((await h.createSession(jwt)).status, 201);
    const third = await h.createSession(jwt);
    assert.equal(third.status, 429);
    assert.equal(((await third.json()) as { code: string }).code, 'rate-limited');
    const retry = Number(third.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
    assert.equal((await h.createSession(jwt, 'lingbot')).status, 201, 'the limit is per model');
  });

  it('answers 402 when the balance is spent', async () => {
    await h.call('POST', '/_emulator/config', { body: { balance: 0 } });
    const res = await h.createSession(jwt);
    assert.equal(res.status, 402);
    assert.equal(((await res.json()) as { code: string }).code, 'payment-required');
  });

  it('forces the next N calls of a route to fail', async () => {
    await h.call('POST', '/_emulator/config', {
      body: {
        faults: [
          { status: 500, times: 2, route: 'POST /sessions' },
          { status: 429, times: 1, route: 'GET /pricing', retryAfter: 7 },
        ],
      },
    });
    assert.equal((await h.createSession(jwt)).status, 500);
    assert.equal((await h.createSession(jwt)).status, 500);
    assert.equal((await h.createSession(jwt)).status, 201);
    const limited = await h.call('GET', '/pricing');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal((await h.call('GET', '/pricing')).status, 200);
    await h.call('POST', '/_emulator/config', {
      body: {
        faults: [
          { status: 401, route: 'POST /sessions' },
          { status: 402, route: 'POST /sessions' },
        ],
      },
    });
    const unauthorized = await h.createSession(jwt);
    assert.equal(unauthorized.status, 401);
    assert.equal(((await unauthorized.json()) as { code: string }).code, 'unauthorized');
    const payment = await h.createSession(jwt);
    assert.equal(payment.status, 402);
    assert.equal(((await payment.json()) as { code: string }).code, 'payment-required');
    assert.equal((await h.createSession(jwt)).status, 201);
  });

  it('bills a live session from ready and ends it at the max duration', async () => {
    await h.call('POST', '/_emulator/config', { body: { max_duration_s: 1.5 } });
    const { id, peer } = await connectSession(h, jwt);
    const ended = await h.waitFor(async () => {
      const e = await h.entry(id);
      return e.state === 'CLOSED' && e;
    }, 'max-duration');
    assert.equal(ended.ended_by, 'max-duration');
    assert.equal(ended.terminated_at! - ended.ready_at!, 1500);
    assert.equal(ended.billed_ms, 1500);
    assert.equal(ended.credits, 1.5 * 17);
    await h.waitFor(async () => peer.closed, 'the GPU side to hang up');
    assert.deepEqual(
      peer.notified.map((n) => n.type),
      ['sessionEnded'],
      'said first',
    );
  });

  it('draws the balance down at the model rate and ends sessions when it runs out', async () => {
    await h.call('POST', '/_emulator/config', { body: { balance: 17 } });
    const { id, peer } = await connectSession(h, jwt);
    const ended = await h.waitFor(
      async () => {
        const e = await h.entry(id);
        return e.state === 'CLOSED' && e;
      },
      'out of credits',
      5000,
    );
    assert.equal(ended.ended_by, 'fault');
    assert.equal(ended.end_detail, 'out of credits');
    assert.ok(
      Math.abs(ended.billed_ms - 1000) <= 60,
      `billed ${ended.billed_ms} ms for 17 credits`,
    );
    const balance = await h.json<{ credits: number; mode: string }>('GET', '/api/reactor-balance');
    assert.ok(Math.abs(balance.credits) < 0.01, `balance ${balance.credits}`);
    assert.equal(balance.mode, 'prepaid');
    assert.equal((await h.createSession(jwt)).status, 402);
    await h.waitFor(async () => peer.closed, 'the GPU side to hang up');
  });

  it('holds a session whose peer went away, bills the window, then ends it as abandoned', async () => {
    await h.call('POST', '/_emulator/config', { body: { recoverable_window_s: 1 } });
    const { id, peer } = await connectSession(h, jwt);
    peer.vanish();
    const held = await h.waitFor(async () => {
      const e = await h.entry(id);
      return e.state === 'SUSPENDED' && e;
    }, 'the hold');
    const balanceAtHold = (await h.json<{ credits: number }>('GET', '/api/reactor-balance'))
      .credits;
    await new Promise((r) => setTimeout(r, 400));
    const stillHeld = await h.entry(id);
    assert.equal(stillHeld.state, 'SUSPENDED');
    assert.ok(
      stillHeld.billed_ms >= held.billed_ms + 350,
      `billed ${held.billed_ms} → ${stillHeld.billed_ms} ms while held`,
    );
    const balanceLater = (await h.json<{ credits: number }>('GET', '/api/reactor-balance')).credits;
    assert.ok(
      balanceAtHold - balanceLater >= 17 * 0.35,
      `balance ${balanceAtHold} → ${balanceLater} while held`,
    );
    const ended = await h.waitFor(async () => {
      const e = await h.entry(id);
      return e.state === 'CLOSED' && e;
    }, 'abandoned');
    assert.equal(ended.ended_by, 'abandoned');
    assert.equal(ended.terminated_at, held.held_since! + 1000);
    assert.equal(ended.billed_ms, held.held_since! + 1000 - ended.ready_at!);
  });

  it('resumes a held session on PUT sdp_params within the window', async () => {
    const { id, peer: first } = await connectSession(h, jwt);
    const dropped = await h.call('POST', `/_emulator/sessions/${id}/drop`, { body: {} });
    assert.equal(dropped.status, 200);
    assert.equal((await h.entry(id)).state, 'SUSPENDED');
    assert.ok(first.closed, 'a drop closes the GPU side');
    const peer = await connectPeer(h, jwt, id, 'PUT');
    const resumed = await h.entry(id);
    assert.equal(resumed.state, 'ACTIVE');
    assert.equal(resumed.reconnects, 1);
    assert.equal(resumed.held_since, null);
    await h.call('DELETE', `/sessions/${id}`, { jwt });
    const ended = await h.entry(id);
    assert.equal(ended.ended_by, 'client');
    assert.equal(ended.billed_ms, ended.terminated_at! - ended.ready_at!, 'the hold stays billed');
    assert.ok(peer.closed);
  });
});

describe('emulator: the platform’s cost figures, uploads and per-model capabilities', () => {
  let h: Harness;
  let jwt: string;
  before(async () => (h = await startEmulator()));
  after(() => h.stop());
  beforeEach(async () => {
    h.emulator.platform.reset();
    jwt = await h.token();
  });

  const dryRun = (token: string, model = 'helios') =>
    h.call('POST', '/sessions?dryRun=true', { jwt: token, body: sessionBody(model) });

  it('estimates the longest session allowed, creating nothing and counting against no limit', async () => {
    await h.call('POST', '/_emulator/config', {
      body: { max_duration_s: 120, concurrency_limit: 1 },
    });
    for (let i = 0; i < 3; i++) {
      const res = await dryRun(jwt);
      assert.equal(res.status, 200);
      const body = (await res.json()) as {
        dry_run: boolean;
        session_id?: string;
        cost_estimate: { credits: number; dollars: number; duration_s: number };
      };
      assert.equal(body.dry_run, true);
      assert.equal(body.session_id, undefined);
      assert.deepEqual(body.cost_estimate, { credits: 120 * 17, dollars: 0.204, duration_s: 120 });
    }
    assert.deepEqual(await h.json('GET', '/_emulator/sessions'), []);
    assert.equal((await h.createSession(jwt)).status, 201, 'the dry runs used no concurrency slot');
  });

  it('is checked like a create: token, scope, balance (a shorter estimate, then 402) and limits', async () => {
    assert.equal((await dryRun('not-a-token')).status, 401);
    const scoped = await h.token({ models: ['lingbot'] });
    assert.equal((await dryRun(scoped, 'helios')).status, 403);
    assert.equal((await dryRun(jwt, 'nope')).status, 404);
    await h.call('POST', '/_emulator/config', { body: { balance: 1_700 } });
    const short = (await (await dryRun(jwt)).json()) as { cost_estimate: { duration_s: number } };
    assert.equal(short.cost_estimate.duration_s, 100, 'what the balance pays for');
    await h.call('POST', '/_emulator/config', { body: { balance: 0 } });
    const broke = await dryRun(jwt);
    assert.equal(broke.status, 402);
    assert.equal(((await broke.json()) as { code: string }).code, 'payment-required');
    await h.call('POST', '/_emulator/config', {
      body: { balance: 1_000_000, concurrency_limit: 1 },
    });
    assert.equal((await h.createSession(jwt)).status, 201);
    assert.equal((await dryRun(jwt)).status, 429);
  });

  it('without dry runs, ignores the query and creates a real session', async () => {
    await h.call('POST', '/_emulator/config', { body: { dryRun: false } });
    const res = await dryRun(jwt);
    assert.equal(res.status, 201);
    const { session_id } = (await res.json()) as { session_id: string };
    assert.equal((await h.entry(session_id)).state, 'CREATED');
  });

  it('gives cost_estimate while a session runs and its ledger cost once closed (or no metadata)', async () => {
    const { id } = await connectSession(h, jwt);
    await new Promise((r) => setTimeout(r, 200));
    type View = { metadata?: { cost_estimate?: { credits: number }; cost?: { credits: number } } };
    const running = await h.json<View>('GET', `/sessions/${id}`, { jwt });
    assert.ok(running.metadata?.cost_estimate && running.metadata.cost_estimate.credits > 0);
    assert.equal(running.metadata.cost, undefined);
    await h.call('DELETE', `/sessions/${id}`, { jwt });
    const closed = await h.json<View & { metadata: { cost: Record<string, number> } }>(
      'GET',
      `/sessions/${id}`,
      { jwt },
    );
    const entry = await h.entry(id);
    assert.deepEqual(closed.metadata.cost, {
      credits: entry.credits,
      dollars: entry.credits / 10_000,
      duration_s: entry.billed_ms / 1000,
    });
    assert.equal(closed.metadata.cost_estimate, undefined);
    await h.call('POST', '/_emulator/config', { body: { sessionMetadata: false } });
    assert.equal('metadata' in (await h.json('GET', `/sessions/${id}`, { jwt })), false);
  });

  const ask = (id: string, body: unknown) =>
    h.call('POST', `/sessions/${id}/uploads`, { jwt, body });

  it('declares lingbot’s audio track and, as today’s runtime, no commands (they are in its schema); helios has video only', async () => {
    const { id } = await connectSession(h, jwt, 'lingbot');
    type View = { capabilities: { commands: { name: string }[]; tracks: { kind: string }[] } };
    const lingbot = await h.json<View>('GET', `/sessions/${id}`, { jwt });
    assert.deepEqual(lingbot.capabilities.commands, []);
    assert.deepEqual(
      lingbot.capabilities.tracks.map((t) => t.kind),
      ['video', 'audio'],
    );
    const helios = await connectSession(h, jwt, 'helios');
    const view = await h.json<View>('GET', `/sessions/${helios.id}`, { jwt });
    assert.deepEqual(
      view.capabilities.tracks.map((t) => t.kind),
      ['video'],
    );
  });

  it('stores the bytes PUT to a presigned URL, with their sha256; refuses an expired URL, a wrong size, a session not live', async () => {
    const created = (await (await h.createSession(jwt)).json()) as { session_id: string };
    assert.equal(
      (await ask(created.session_id, { name: 'a.png', size: 3, mime_type: 'image/png' })).status,
      409,
    );
    // A GPU assigned is enough: billing starts when the GPU side sees the peer, which can be a
    // moment after the browser said ready (and uploaded at once).
    await h.waitFor(async () => {
      const s = await h.json<{ state: string }>('GET', `/sessions/${created.session_id}`, { jwt });
      return s.state === 'ACTIVE';
    }, 'ACTIVE');
    assert.equal(
      (await ask(created.session_id, { name: 'a.png', size: 3, mime_type: 'image/png' })).status,
      201,
    );
    const { id } = await connectSession(h, jwt, 'lingbot');
    assert.equal((await ask(id, { name: 'a.png', size: 0, mime_type: 'image/png' })).status, 400);
    const issued = (await (
      await ask(id, { name: 'a.png', size: 3, mime_type: 'image/png' })
    ).json()) as {
      presigned_id: string;
      presigned_url: string;
    };
    assert.ok(issued.presigned_url.startsWith(h.url));
    assert.equal((await fetch(issued.presigned_url, { method: 'PUT', body: 'abcd' })).status, 400);
    assert.equal((await fetch(issued.presigned_url, { method: 'PUT', body: 'abc' })).status, 200);
    await h.call('POST', '/_emulator/config', { body: { expiredUploadUrls: 1 } });
    const expired = (await (
      await ask(id, { name: 'b.png', size: 1, mime_type: 'image/png' })
    ).json()) as {
      presigned_url: string;
    };
    assert.equal((await fetch(expired.presigned_url, { method: 'PUT', body: 'x' })).status, 403);
    const uploads = await h.json<unknown[]>('GET', '/_emulator/uploads');
    assert.deepEqual(uploads, [
      {
        upload_id: issued.presigned_id,
        session_id: id,
        name: 'a.png',
        mime_type: 'image/png',
        size: 3,
        sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      },
    ]);
  });
});
