/**
 * The emulator as today's runtime: connection registration and per-connection signalling, the
 * `{detail}` error bodies of its transport routes, strict mode (no relay of the old paths), the
 * contract (`requestSchema` → `modelSchema`), tracks paused until resumed, `sessionEnded` before
 * a platform end, moderation, and the log of the commands the GPU side received.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, connectSession, connectPeer, type Harness } from './emulator-client.js';
import {
  type MessageContext,
  onControlFrame,
  onDataFrame,
} from '../../demo/emulator/peer-messages.js';
import { modelSchema } from '../../demo/emulator/models.js';
import { commandsOfSchema } from '../../src/platform/model-schema.js';

const webrtc = (id: string) => `/sessions/${id}/transport/webrtc`;

describe('emulator: today’s runtime signalling', () => {
  let h: Harness;
  let jwt: string;
  before(async () => (h = await startEmulator()));
  after(() => h.stop());
  beforeEach(async () => {
    h.emulator.platform.reset();
    jwt = await h.token();
  });

  async function activeSession(): Promise<string> {
    const { session_id: id } = (await (await h.createSession(jwt)).json()) as {
      session_id: string;
    };
    await h.waitFor(
      async () =>
        (await h.json<{ state: string }>('GET', `/sessions/${id}`, { jwt })).state === 'ACTIVE',
      'ACTIVE',
    );
    return id;
  }

  const register = async (id: string) => {
    const r = await h.call('POST', `${webrtc(id)}/connections`, { jwt, body: {} });
    return { status: r.status, body: (await r.json()) as { connection_id?: number } };
  };

  it('registers connections (201, ids above 1001), offers and reconnects on the same id, accepts candidates (202)', async () => {
    const id = await activeSession();
    const first = await register(id);
    assert.equal(first.status, 201);
    const cid = first.body.connection_id!;
    assert.ok(cid > 1001 && cid <= 9999, `connection id ${cid}`);
    assert.equal((await register(id)).body.connection_id, cid + 1);
    const ice = await h.call('POST', `${webrtc(id)}/connections/${cid}/ice_candidates`, {
      jwt,
      body: {
        candidates: [{ candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host' }],
        is_final: true,
      },
    });
    assert.equal(ice.status, 202);
    const peer = await connectPeer(h, jwt, id, 'POST', cid);
    assert.equal(peer.options.pausedTracks, true, 'a registered connection starts paused');
    assert.equal((await h.entry(id)).state, 'ACTIVE');
    await h.call('POST', `/_emulator/sessions/${id}/drop`, { body: {} });
    await connectPeer(h, jwt, id, 'PUT', cid);
    assert.equal((await h.entry(id)).reconnects, 1);
  });

  it('answers the runtime’s {detail} bodies: 404 for an unknown connection or session, 400 once the session ended', async () => {
    const id = await activeSession();
    const unknown = await h.call('POST', `${webrtc(id)}/connections/4321/sdp_params`, {
      jwt,
      body: { sdp_offer: 'v=0', track_mapping: [] },
    });
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { detail: 'Unknown connection 4321' });
    const other = await h.call(
      'POST',
      `${webrtc('00000000-0000-4000-8000-000000000000')}/connections`,
      { jwt, body: {} },
    );
    assert.equal(other.status, 404);
    assert.deepEqual(await other.json(), { detail: 'Unknown session' });
    await h.call('DELETE', `/sessions/${id}`, { jwt });
    const ended = await register(id);
    assert.equal(ended.status, 400);
    assert.deepEqual(ended.body, { detail: 'No session running' });
  });

  it('relays the old cid-less paths on connection 1001, streaming at once; strict mode answers them 404, preflight too', async () => {
    const { id, peer } = await connectSession(h, jwt);
    assert.equal(peer.options.pausedTracks, false, 'the relay streams unasked');
    assert.equal((await h.entry(id)).state, 'ACTIVE');
    await h.call('POST', '/_emulator/config', { body: { strict: true } });
    const second = await activeSession();
    for (const method of ['OPTIONS', 'POST', 'GET'])
      assert.equal(
        (
          await h.call(method, `${webrtc(second)}/sdp_params`, {
            jwt,
            body: method === 'POST' ? {} : undefined,
          })
        ).status,
        404,
        `${method} on the old path`,
      );
    const cid = (await register(second)).body.connection_id!;
    await connectPeer(h, jwt, second, 'POST', cid);
    assert.equal((await h.entry(second)).state, 'ACTIVE');
  });

  it('says sessionEnded {reason} before a platform end (not before a DELETE), then closes the peer', async () => {
    const { id, peer } = await connectSession(h, jwt);
    const ended = await h.call('POST', `/_emulator/sessions/${id}/terminate`, {
      body: { reason: 'deployment' },
    });
    assert.equal(ended.status, 200);
    assert.deepEqual(peer.notified, [{ type: 'sessionEnded', data: { reason: 'deployment' } }]);
    assert.equal((await h.entry(id)).ended_by, 'fault');
    await h.waitFor(async () => peer.closed, 'the peer to close');
    const mine = await connectSession(h, jwt);
    await h.call('DELETE', `/sessions/${mine.id}`, { jwt });
    assert.deepEqual(mine.peer.notified, []);
    assert.ok(mine.peer.closed);
  });

  it('moderates: warn is said and the session goes on; terminate is said and ends it (ended_by moderation)', async () => {
    const { id, peer } = await connectSession(h, jwt);
    await h.call('POST', `/_emulator/sessions/${id}/moderate`, {
      body: { action: 'warn', message: 'Please keep it friendly.' },
    });
    assert.equal(peer.notified[0]?.type, 'moderation');
    assert.deepEqual(
      { ...(peer.notified[0]!.data as object) },
      {
        action: 'warn',
        input_kind: 'text',
        command: 'set_prompt',
        categories: ['policy'],
        message: 'Please keep it friendly.',
      },
    );
    assert.equal((await h.entry(id)).state, 'ACTIVE');
    await h.call('POST', `/_emulator/sessions/${id}/moderate`, {
      body: { action: 'terminate', message: 'Not allowed.' },
    });
    assert.equal((peer.notified[1]!.data as { action: string }).action, 'terminate');
    const entry = await h.entry(id);
    assert.equal(entry.state, 'CLOSED');
    assert.equal(entry.ended_by, 'moderation');
    assert.equal(entry.end_detail, 'Not allowed.');
  });

  it('logs every command the GPU side received (GET /_emulator/sessions/{id}/commands)', async () => {
    const { id, peer } = await connectSession(h, jwt);
    peer.options.hooks.onCommand({
      command: 'move',
      data: { direction: 'forward' },
      uploads: null,
      at: 1,
    });
    const log = await h.json<unknown[]>('GET', `/_emulator/sessions/${id}/commands`);
    assert.deepEqual(log, [
      { command: 'move', data: { direction: 'forward' }, uploads: null, at: 1 },
    ]);
    assert.equal((await h.entry(id)).commands_received, 1);
  });

  it('takes the runtime’s ping timeout and no-client window as settings', async () => {
    const config = await h.json<Record<string, unknown>>('POST', '/_emulator/config', {
      body: { ping_timeout_s: 20, no_client_window_s: 60 },
    });
    assert.equal(config.peerSilenceMs, 20_000);
    assert.equal(config.noClientWindowMs, 60_000);
  });
});

describe('emulator: the GPU side’s messages', () => {
  function context(strict: boolean) {
    const sent: { scope: string; type: string; data: unknown }[] = [];
    const control: unknown[] = [];
    const commands: unknown[] = [];
    const tracks: [string, boolean][] = [];
    const ctx: MessageContext = {
      model: 'lingbot',
      strict,
      send: (scope, type, data) => sent.push({ scope, type, data }),
      sendControl: (m) => control.push(m),
      command: (c) => commands.push(c),
      track: (name, on) => tracks.push([name, on]),
    };
    return { ctx, sent, control, commands, tracks };
  }
  const runtime = (type: string) => JSON.stringify({ scope: 'runtime', data: { type, data: {} } });

  it('answers requestSchema with the runtime’s OpenAPI document; strict: no pong, no capabilities, no echo', () => {
    const strict = context(true);
    for (const type of ['requestSchema', 'ping', 'requestCapabilities'])
      onDataFrame(runtime(type), strict.ctx);
    assert.deepEqual(
      strict.sent.map((m) => m.type),
      ['modelSchema'],
    );
    const doc = strict.sent[0]!.data as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths), ['/events/move', '/events/set_seed_image']);
    const command = JSON.stringify({
      scope: 'application',
      data: { type: 'move', data: { direction: 'left', pressed: true } },
    });
    onDataFrame(command, strict.ctx);
    assert.equal(strict.sent.length, 1, 'no echo');
    assert.deepEqual((strict.commands[0] as { data: unknown }).data, {
      direction: 'left',
      pressed: true,
    });
    const relay = context(false);
    for (const type of ['ping', 'requestCapabilities']) onDataFrame(runtime(type), relay.ctx);
    onDataFrame(command, relay.ctx);
    assert.deepEqual(
      relay.sent.map((m) => m.type),
      ['pong', 'modelCapabilities', 'echo'],
    );
  });

  it('resumes and pauses tracks on control; refuses publish_track', () => {
    const c = context(true);
    const verb = (event: string) =>
      JSON.stringify({ type: 'notification', event, data: { name: 'main_video' } });
    onControlFrame(verb('resume_track'), c.ctx);
    onControlFrame(verb('pause_track'), c.ctx);
    onControlFrame(
      JSON.stringify({
        type: 'request',
        method: 'publish_track',
        request_id: '7',
        data: { name: 'cam' },
      }),
      c.ctx,
    );
    assert.deepEqual(c.tracks, [
      ['main_video', true],
      ['main_video', false],
    ]);
    assert.equal((c.control[0] as { error: { code: string } }).error.code, 'publish_refused');
  });

  it('publishes a contract the client reads back: lingbot’s move (enum, optional pressed) and an upload $ref', () => {
    const commands = commandsOfSchema(modelSchema('lingbot'))!;
    assert.deepEqual(
      commands.map((c) => c.name),
      ['move', 'set_seed_image'],
    );
    assert.deepEqual(commands[0]!.schema!.required, ['direction']);
    assert.deepEqual((commands[1]!.schema!.properties as Record<string, unknown>).image, {
      format: 'reactor-upload-reference',
    });
  });
});
