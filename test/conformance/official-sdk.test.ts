/**
 * Conformance: the official @reactor-team/js-sdk 2.9.0 against the emulator, in real headless
 * Chromium. If the SDK can use the emulator, the emulator speaks the platform's wire protocol.
 */
import { expect } from '@open-wc/testing';
import { sessionIdFromFrame } from '../helpers/assertions.js';
import {
  emulatorUrl,
  fetchToken,
  framesPresented,
  ledgerEntry,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { loadOfficialSdk, SDK_URL, type OfficialReactor } from '../helpers/official-sdk.js';
import { skipWithoutWebRTC } from '../helpers/capabilities.js';

interface Connected {
  reactor: OfficialReactor;
  video: HTMLVideoElement;
  messages: unknown[];
  statuses: string[];
  readyAt: number;
}

async function connectOfficial(): Promise<Connected> {
  const { Reactor } = await loadOfficialSdk();
  const reactor = new Reactor({ modelName: 'helios', apiUrl: await emulatorUrl() });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  document.body.append(video);
  const messages: unknown[] = [];
  const statuses: string[] = [];
  let readyAt = 0;
  reactor.on('statusChanged', ((status: string) => {
    statuses.push(status);
    if (status === 'ready') readyAt = performance.now();
  }) as (...args: never[]) => void);
  reactor.on('trackReceived', ((name: string, _track: MediaStreamTrack, stream: MediaStream) => {
    if (name === 'main_video') {
      video.srcObject = stream;
      void video.play();
    }
  }) as (...args: never[]) => void);
  reactor.on('message', ((message: unknown) => messages.push(message)) as (
    ...args: never[]
  ) => void);
  await reactor.connect(await fetchToken());
  await waitFor(() => reactor.getStatus() === 'ready', 'status ready');
  return { reactor, video, messages, statuses, readyAt };
}

describe('official SDK 2.9.0 against the emulator', function () {
  // Every test here runs a live session.
  before(skipWithoutWebRTC);
  this.timeout(60_000);

  beforeEach(() => resetEmulator({ gpuDelayMs: 300 }));

  it('connects, decodes frames, round-trips a command and is billed until disconnect', async () => {
    const { reactor, video, messages, statuses, readyAt } = await connectOfficial();
    const id = reactor.getSessionId()!;
    expect(statuses).to.include.members(['connecting', 'waiting', 'ready']);

    await framesPresented(video, 10);
    expect(video.videoWidth).to.be.greaterThan(0);

    await reactor.sendCommand('set_prompt', { prompt: 'a lighthouse at dusk' });
    const echo = await waitFor(
      () => messages.find((m) => (m as { type?: string }).type === 'echo'),
      'the echoed command',
    );
    expect(echo).to.deep.equal({
      type: 'echo',
      data: { command: 'set_prompt', data: { prompt: 'a lighthouse at dusk' } },
    });

    await new Promise((r) => setTimeout(r, 1000));
    const disconnectAt = performance.now();
    const disconnectEpoch = Date.now(); // the emulator's clock is the machine's too
    await reactor.disconnect();
    const disconnectedEpoch = Date.now();
    const entry = await ledgerEntry(id);
    expect(entry.ended_by).to.equal('client');
    expect(entry.state).to.equal('CLOSED');
    expect(entry.commands_received).to.equal(1);
    const measured = disconnectAt - readyAt;
    console.log(
      `[conformance] ledger billed ${entry.billed_ms} ms, measured ready→disconnect ${Math.round(measured)} ms`,
    );
    // Billing stops at the disconnect: the platform ended the session while `disconnect()` ran
    // (it awaits the DELETE), however long a busy machine made that take. (Billing starts at the
    // platform's own ready, which a busy page may see a few hundred ms late, so the billed time
    // is at least the measured one, not equal to it.)
    expect(entry.terminated_at, 'ended while disconnect() ran').to.be.within(
      disconnectEpoch - 50,
      disconnectedEpoch + 50,
    );
    expect(
      entry.billed_ms,
      `ledger ${entry.billed_ms} ms vs measured ${measured} ms`,
    ).to.be.at.least(measured - 300);
    video.remove();
  });

  it('resumes the same session after a recoverable disconnect', async () => {
    const { reactor, video } = await connectOfficial();
    const id = reactor.getSessionId()!;
    // The SDK says ready when its data channel opens, which can come a moment before the GPU
    // side sees the session live and starts billing it (Firefox): wait for the platform too.
    await waitFor(async () => (await ledgerEntry(id)).ready_at !== null, 'billing');
    await reactor.disconnect(true);
    const held = await waitFor(async () => {
      const e = await ledgerEntry(id);
      return e.state === 'SUSPENDED' && e;
    }, 'the recoverable hold');
    // The hold keeps the GPU, so it keeps billing.
    await new Promise((r) => setTimeout(r, 200));
    const later = await ledgerEntry(id);
    expect(later.state).to.equal('SUSPENDED');
    expect(later.billed_ms).to.be.greaterThan(held.billed_ms + 150);

    await reactor.reconnect();
    await waitFor(() => reactor.getStatus() === 'ready', 'ready again');
    expect(reactor.getSessionId()).to.equal(id);
    await framesPresented(video, 5);
    const resumed = await ledgerEntry(id);
    expect(resumed.state).to.equal('ACTIVE');
    expect(resumed.reconnects).to.equal(1);

    await reactor.disconnect();
    expect((await ledgerEntry(id)).ended_by).to.equal('client');
    video.remove();
  });

  it('bills a page that closes without DELETE through the recoverable window, then ends it as abandoned', async () => {
    const windowMs = 2000;
    await resetEmulator({ gpuDelayMs: 300, recoverableWindowMs: windowMs, peerSilenceMs: 3000 });
    const frame = document.createElement('iframe');
    const url = await emulatorUrl();
    const jwt = await fetchToken();
    const started = sessionIdFromFrame();
    frame.srcdoc = `<script type="module">
      import { Reactor } from '${SDK_URL}';
      const reactor = new Reactor({ modelName: 'helios', apiUrl: ${JSON.stringify(url)} });
      reactor.on('statusChanged', (s) => s === 'ready' && parent.postMessage({ sessionId: reactor.getSessionId() }, '*'));
      reactor.on('error', (e) => parent.postMessage({ error: String(e?.message ?? e) }, '*'));
      reactor.connect(${JSON.stringify(jwt)}).catch((e) => parent.postMessage({ error: String(e?.message ?? e) }, '*'));
    </script>`;
    document.body.append(frame);
    const id = await started;
    await waitFor(async () => (await ledgerEntry(id)).ready_at !== null, 'ready in the ledger');

    frame.remove(); // the page goes away; the SDK sends no DELETE
    const removedAt = Date.now();

    const held = await waitFor(async () => {
      const e = await ledgerEntry(id);
      return e.held_since !== null && e;
    }, 'the hold after the page went away');
    expect(held.ended_by).to.equal(null);

    const ended = await waitFor(async () => {
      const e = await ledgerEntry(id);
      return e.state === 'CLOSED' && e;
    }, 'termination after the window');
    expect(ended.ended_by).to.equal('abandoned');
    expect(ended.terminated_at! - held.held_since!).to.equal(windowMs);
    expect(ended.billed_ms).to.equal(held.held_since! + windowMs - ended.ready_at!);
    expect(held.held_since! - removedAt, 'the drop is noticed quickly').to.be.below(3500);
  });

  it('ends a live session at the platform max duration and the SDK sees the drop', async () => {
    await resetEmulator({ gpuDelayMs: 300, max_duration_s: 2 });
    const { reactor, video } = await connectOfficial();
    const id = reactor.getSessionId()!;
    const ended = await waitFor(async () => {
      const e = await ledgerEntry(id);
      return e.state === 'CLOSED' && e;
    }, 'the max-duration termination');
    expect(ended.ended_by).to.equal('max-duration');
    expect(ended.billed_ms).to.equal(2000);
    // The SDK's own drop detection: Firefox's ICE on a loaded 2-core machine took over 10 s once.
    await waitFor(() => reactor.getStatus() !== 'ready', 'the SDK to notice', 25_000);
    await reactor.disconnect();
    video.remove();
  });
});
