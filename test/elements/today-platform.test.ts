/**
 * `<reactor-session>` on today's runtime: the emulator in strict mode (no relay of the old
 * signalling paths, no `requestCapabilities`, no echo, every track paused until resumed on the
 * `control` channel). The element must register a connection, resume its tracks (frames), learn
 * the model's contract from `requestSchema`, act on the platform's own end and its moderation,
 * end a live session that shows no frame, and replace a session lost before it went live. The
 * ledger and the GPU side's command log are the judges.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { ReactorSession } from '../../src/index.js';
import {
  closedEntry,
  commandLog,
  configureEmulator,
  dropPeer,
  framesPresented,
  ledger,
  ledgerEntry,
  moderate,
  resetEmulator,
  terminateFromPlatform,
  waitFor,
} from '../helpers/emulator.js';
import { part } from '../helpers/dom.js';
import { matrixRow } from '../helpers/matrix.js';
import { goLive, partText, sessionFixture, sleep } from '../helpers/session.js';
import { requireWebRTC } from '../helpers/capabilities.js';
import { rejection } from '../helpers/assertions.js';

const session = (model: string, attributes = '') =>
  sessionFixture({ model, attributes: `idle-timeout="0" ${attributes}` });

/** The video element that shows the model's track. */
const videoOf = (el: ReactorSession) => el.shadowRoot!.querySelector('video')!;

/** Resolves with the command names of the model's contract, once it arrived. */
const contract = (el: ReactorSession) =>
  waitFor(
    () => (el.capabilities?.commands?.length ? el.capabilities.commands.map((c) => c.name) : false),
    'the model’s contract',
    5000,
  );

function key(el: ReactorSession, type: 'keydown' | 'keyup', name: string) {
  part(el, 'stage')!.dispatchEvent(
    new KeyboardEvent(type, { key: name, bubbles: true, composed: true }),
  );
}

describe('today’s platform (the strict emulator)', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50, strict: true }));

  it('lingbot with keys="wasd": frames, the contract from the schema, a W press and an uploaded seed image in the command log, End closed by the client', async () => {
    const el = await session('lingbot', 'keys="wasd"');
    const announced: string[][] = [];
    el.addEventListener('reactor-capabilities', (e) =>
      announced.push(
        ((e as CustomEvent).detail.capabilities.commands ?? []).map(
          (c: { name: string }) => c.name,
        ),
      ),
    );
    const id = await goLive(el);
    expect(await framesPresented(videoOf(el), 5)).to.be.at.least(5);
    expect(await contract(el)).to.deep.equal(['move', 'set_seed_image']);
    // Fired at ready (the descriptor: no commands) and again when the contract arrived.
    expect(announced).to.deep.equal([[], ['move', 'set_seed_image']]);
    const move = el.capabilities!.commands!.find((c) => c.name === 'move')!;
    expect(move.schema!.required).to.deep.equal(['direction']);
    key(el, 'keydown', 'w');
    key(el, 'keyup', 'w');
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 16;
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
    const image = await el.uploadFile(new File([blob], 'seed.png', { type: 'image/png' }));
    await el.sendCommand('set_seed_image', { image });
    const log = await waitFor(async () => {
      const all = await commandLog(id);
      return all.length >= 3 && all;
    }, 'three commands in the log');
    expect(log.map((c) => [c.command, c.data])).to.deep.equal([
      ['move', { direction: 'forward', pressed: true }],
      ['move', { direction: 'forward', pressed: false }],
      ['set_seed_image', {}],
    ]);
    expect(log[2]!.uploads!.image).to.deep.equal({
      upload_id: image.uploadId,
      name: 'seed.png',
      mime_type: 'image/png',
      size: blob.size,
    });
    // Undeclared, and a field over the schema's limits: refused, never sent.
    const fly = await rejection(el.sendCommand('fly', {}));
    expect(fly.message).to.equal(
      '"fly" is not a command of this model (it declares move, set_seed_image).',
    );
    expect(
      (await rejection(el.sendCommand('set_seed_image', { image: 'x.png' }))).message,
    ).to.match(/"image" must be an uploaded file/);
    part(el, 'disconnect-button')!.click();
    const entry = await closedEntry(id);
    expect(entry.ended_by).to.equal('client');
    expect(entry.reconnects).to.equal(0);
    expect((await commandLog(id)).length).to.equal(3);
  });

  it('helios: set_prompt’s maxLength from the schema is enforced; a prompt within it lands', async () => {
    const el = await session('helios');
    const id = await goLive(el);
    expect(await contract(el)).to.deep.equal(['set_prompt']);
    const long = await rejection(el.sendCommand('set_prompt', { prompt: 'x'.repeat(2001) }));
    expect(long.message).to.equal('"set_prompt": "prompt" must be at most 2000 characters.');
    await el.sendCommand('set_prompt', { prompt: 'a harbour at dawn' });
    await waitFor(async () => (await commandLog(id)).length === 1, 'the prompt in the log');
    el.disconnect();
    expect((await closedEntry(id)).ended_by).to.equal('client');
  });

  it('a dropped connection comes back on the same connection (PUT) and its tracks are resumed again: frames', async () => {
    const el = await session('helios');
    const id = await goLive(el);
    await dropPeer(id);
    await waitFor(
      async () => (await ledgerEntry(id)).reconnects === 1 && el.status === 'ready',
      'the reconnect',
      10_000,
    );
    expect(await framesPresented(videoOf(el), 5)).to.be.at.least(5);
    el.disconnect();
    const entry = await closedEntry(id);
    expect(entry).to.include({ ended_by: 'client', reconnects: 1 });
  });

  it('a live session with no frame (withholdTracks) ends by itself within 10 s: no-video, reason error, billed no longer', async () => {
    await configureEmulator({ withholdTracks: true });
    const el = await session('helios');
    const errored = oneEvent(el, 'reactor-error');
    const ended = oneEvent(el, 'reactor-end');
    const id = await goLive(el);
    expect((await errored).detail.code).to.equal('no-video');
    expect((await ended).detail.reason).to.equal('error');
    expect(partText(el, 'error')).to.equal('The video did not start. Nothing more will be billed.');
    const entry = await closedEntry(id);
    expect(entry.ended_by).to.equal('client');
    expect(entry.billed_ms).to.be.within(7000, 10_000);
    await matrixRow({
      group: 'platform',
      scenario: 'live, but no video frame arrives (a black screen)',
      ids: [id],
      goneAt: entry.ready_at,
      allowedSeconds: 10,
    });
  });

  it('sessionEnded: ends as server with the platform’s reason, without a reconnect', async () => {
    const el = await session('helios');
    const id = await goLive(el);
    const ended = oneEvent(el, 'reactor-end');
    const entry = await terminateFromPlatform(id, 'deployment');
    const detail = (await ended).detail;
    expect(detail.reason).to.equal('server');
    expect(detail.message).to.equal('deployment');
    expect(el.status).to.equal('ended');
    await sleep(300);
    expect((await ledgerEntry(id)).reconnects).to.equal(0, 'no re-offer');
    await matrixRow({
      group: 'platform',
      scenario: 'the platform ends the session and says why (sessionEnded)',
      ids: [id],
      goneAt: entry.terminated_at,
    });
  });

  it('moderation: warn is read out and the session goes on; terminate ends it with reason moderation', async () => {
    const el = await session('helios');
    const id = await goLive(el);
    const warned = oneEvent(el, 'reactor-moderation');
    await moderate(id, 'warn', 'Please keep prompts friendly.');
    expect((await warned).detail).to.deep.include({
      action: 'warn',
      message: 'Please keep prompts friendly.',
    });
    await el.updateComplete;
    const line = part(el, 'moderation')!;
    expect(line.getAttribute('role')).to.equal('alert');
    expect(partText(el, 'moderation')).to.equal('Please keep prompts friendly.');
    expect(el.status).to.equal('ready');
    const ended = oneEvent(el, 'reactor-end');
    const entry = await moderate(id, 'terminate', 'This prompt is not allowed.');
    const detail = (await ended).detail;
    expect(detail).to.deep.include({
      reason: 'moderation',
      message: 'This prompt is not allowed.',
    });
    await el.updateComplete;
    expect(partText(el, 'moderation')).to.equal('This prompt is not allowed.');
    expect(partText(el, 'status')).to.equal(
      'Session ended. Reactor stopped it for its content rules.',
    );
    await matrixRow({
      group: 'platform',
      scenario: 'moderation ends the session',
      ids: [id],
      goneAt: entry.terminated_at,
    });
  });

  it('a session lost before it went live (400 on the connection) is ended unbilled and replaced once', async () => {
    await configureEmulator({
      faults: [{ status: 400, times: 1, route: 'POST /sessions/*/transport/webrtc/connections' }],
    });
    const el = await session('helios');
    const id = await goLive(el);
    const all = await ledger();
    expect(all).to.have.length(2);
    const lost = all.find((e) => e.session_id !== id)!;
    expect(lost).to.include({ state: 'CLOSED', ended_by: 'client', billed_ms: 0 });
    expect(await framesPresented(videoOf(el), 3)).to.be.at.least(3);
    el.disconnect();
    await matrixRow({
      group: 'platform',
      scenario: 'the first session lost before live: one new session',
      ids: [lost.session_id, id],
      goneAt: null,
    });
  });

  it('a second loss is not retried again: the visitor reads the error, nothing is left open', async () => {
    await configureEmulator({
      faults: [{ status: 400, times: 2, route: 'POST /sessions/*/transport/webrtc/connections' }],
    });
    const el = await session('helios');
    requireWebRTC();
    const ended = oneEvent(el, 'reactor-end');
    part(el, 'connect-button')!.click();
    expect((await ended).detail.reason).to.equal('error');
    const all = await ledger();
    expect(all).to.have.length(2);
    expect(all.every((e) => e.state === 'CLOSED' && e.billed_ms === 0)).to.equal(true);
  });
});

describe('an older platform (the default emulator, its relay of the old paths)', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('no connection route (404): the old cid-less path, with frames', async () => {
    await configureEmulator({
      faults: [{ status: 404, times: 1, route: 'POST /sessions/*/transport/webrtc/connections' }],
    });
    const el = await session('helios');
    const id = await goLive(el);
    expect(await framesPresented(videoOf(el), 3)).to.be.at.least(3);
    el.disconnect();
    expect((await closedEntry(id)).ended_by).to.equal('client');
  });
});
