/**
 * Driving the model from the page, end to end against the emulator's real WebRTC peer:
 * capabilities, commands (and their refusals), file uploads, keyboard control, sound and the
 * connection's statistics. The ledger and `/_emulator/uploads` are the judges.
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { FileRef, ReactorSession } from '../../src/index.js';
import {
  configureEmulator,
  emulatorUrl,
  ledger,
  ledgerEntry,
  resetEmulator,
  waitFor,
} from '../helpers/emulator.js';
import { part } from '../helpers/dom.js';
import { matrixRow } from '../helpers/matrix.js';
import { goLive as live, sessionFixture, sleep } from '../helpers/session.js';

const session = (model: string, attributes = '') => sessionFixture({ model, attributes });

/** Every message from the model, as it arrives. */
function messages(el: ReactorSession) {
  const seen: { type?: string; data?: Record<string, unknown> }[] = [];
  el.addEventListener('reactor-message', (e) => seen.push((e as CustomEvent).detail.message));
  return seen;
}

const echoes = (seen: ReturnType<typeof messages>, command: string) =>
  seen.filter((m) => m.type === 'echo' && m.data?.command === command);

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** An image file: a canvas drawn and encoded by the browser. */
async function image(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#3a7';
  g.fillRect(0, 0, 64, 48);
  g.fillStyle = '#fff';
  g.fillText('seed', 10, 28);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], 'seed.png', { type: 'image/png' });
}

const emulatorJson = async <T>(path: string): Promise<T> =>
  (await fetch(`${await emulatorUrl()}${path}`)).json() as Promise<T>;

describe('driving the model', function () {
  this.timeout(30_000);
  beforeEach(() => resetEmulator({ gpuDelayMs: 50 }));

  it('announces the tracks at ready, then the commands of the model’s contract (its schema)', async () => {
    const el = await session('lingbot', 'idle-timeout="0"');
    expect(el.capabilities).to.equal(null);
    const atReady = oneEvent(el, 'reactor-capabilities');
    await live(el);
    expect(((await atReady) as CustomEvent).detail.capabilities.commands).to.deep.equal([]);
    const { capabilities } = ((await oneEvent(el, 'reactor-capabilities')) as CustomEvent).detail;
    expect(el.capabilities).to.deep.equal(capabilities);
    expect(capabilities.tracks).to.deep.equal([
      { name: 'main_video', kind: 'video', direction: 'recvonly' },
      { name: 'main_audio', kind: 'audio', direction: 'recvonly' },
    ]);
    expect(capabilities.commands.map((c: { name: string }) => c.name)).to.deep.equal([
      'move',
      'set_seed_image',
    ]);
    expect(capabilities.commands[0].schema.required).to.deep.equal(['direction']);
    el.disconnect();
  });

  it('round-trips a declared command; refuses an undeclared one, a bad payload, a command while not live, and one too large', async () => {
    const el = await session('lingbot', 'idle-timeout="0"');
    const notLive = await rejection(el.sendCommand('move', { direction: 'forward' }));
    expect(notLive.message).to.equal('Cannot send "move": the session is disconnected.');
    const seen = messages(el);
    const id = await live(el);
    // Before the contract arrives nothing is refused for not being declared.
    await waitFor(() => el.capabilities?.commands?.length, 'the contract');
    await el.sendCommand('move', { direction: 'forward' });
    await waitFor(() => echoes(seen, 'move').length === 1, 'the echo');
    expect(echoes(seen, 'move')[0]!.data!.data).to.deep.equal({ direction: 'forward' });
    await waitFor(async () => (await ledgerEntry(id)).commands_received === 1, 'the ledger count');
    const refusals = [
      [
        el.sendCommand('fly', {}),
        /"fly" is not a command of this model \(it declares move, set_seed_image\)/,
      ],
      [
        el.sendCommand('move', { direction: 'up' }),
        /"move": "direction" must be one of "forward", "back", "left", "right"/,
      ],
      [el.sendCommand('move', {}), /"move" needs "direction"/],
      [
        el.sendCommand('move', { direction: 'left', pressed: 'yes' }),
        /"move": "pressed" must be boolean/,
      ],
      [el.sendCommand('set_seed_image', { image: 'seed.png' }), /"image" must be an uploaded file/],
      [
        el.sendCommand('move', { direction: 'left', note: 'x'.repeat(300_000) }),
        /larger than \d+ bytes/,
      ],
    ] as const;
    for (const [promise, message] of refusals) {
      const error = await rejection(promise);
      expect(error.message).to.match(message);
      expect(error.code).to.equal('bad-request');
    }
    await sleep(200);
    expect((await ledgerEntry(id)).commands_received).to.equal(1, 'no refused command was sent');
    el.disconnect();
  });

  it('uploads an image byte for byte, and its reference comes back in the echoed command', async () => {
    const el = await session('lingbot', 'idle-timeout="0"');
    const seen = messages(el);
    const id = await live(el);
    const file = await image();
    const progress: { name: string; loaded: number; total: number }[] = [];
    el.addEventListener('reactor-upload-progress', (e) => progress.push((e as CustomEvent).detail));
    const ref: FileRef = await el.uploadFile(file);
    expect(ref).to.include({ name: 'seed.png', mimeType: 'image/png', size: file.size });
    expect(progress.at(-1)).to.deep.equal({
      name: 'seed.png',
      loaded: file.size,
      total: file.size,
    });
    const uploads = await emulatorJson<Record<string, unknown>[]>('/_emulator/uploads');
    expect(uploads).to.deep.equal([
      {
        upload_id: ref.uploadId,
        session_id: id,
        name: 'seed.png',
        mime_type: 'image/png',
        size: file.size,
        sha256: await sha256(file),
      },
    ]);
    await el.sendCommand('set_seed_image', { image: ref });
    await waitFor(() => echoes(seen, 'set_seed_image').length === 1, 'the echo');
    const echo = echoes(seen, 'set_seed_image')[0]!.data!;
    expect(echo.data).to.deep.equal({});
    expect(echo.uploads).to.deep.equal({
      image: { upload_id: ref.uploadId, name: 'seed.png', mime_type: 'image/png', size: file.size },
    });
    // Checked before any byte is sent: empty, too large, the wrong type.
    const notFile = await rejection(el.uploadFile('seed.png' as unknown as File));
    expect(notFile.message).to.equal('uploadFile takes a File or a Blob.');
    const empty = await rejection(el.uploadFile(new File([], 'none.png', { type: 'image/png' })));
    expect(empty.message).to.equal('"none.png" is empty.');
    const big = await rejection(el.uploadFile(file, { maxBytes: 10 }));
    expect(big.message).to.match(/^"seed.png" is \d+ bytes; at most 10 are allowed.$/);
    const type = await rejection(el.uploadFile(file, { accept: 'image/jpeg,.webp' }));
    expect(type.message).to.equal('"seed.png" (image/png) is not one of image/jpeg, .webp.');
    expect(await emulatorJson<unknown[]>('/_emulator/uploads')).to.have.length(1);
    el.disconnect();
  });

  it('re-requests an expired presigned URL without the page noticing', async () => {
    const el = await session('lingbot', 'idle-timeout="0"');
    await live(el);
    await configureEmulator({ expiredUploadUrls: 1 });
    const file = await image();
    const ref = await el.uploadFile(file, { name: 'again.png' });
    const uploads =
      await emulatorJson<{ upload_id: string; sha256: string }[]>('/_emulator/uploads');
    expect(uploads.map((u) => u.upload_id)).to.deep.equal([ref.uploadId]);
    expect(uploads[0]!.sha256).to.equal(await sha256(file));
    el.disconnect();
  });

  it('cancels an upload in flight when the session ends, and leaves nothing open', async () => {
    const el = await session('lingbot', 'idle-timeout="0"');
    const id = await live(el);
    await configureEmulator({ uploadChunkDelayMs: 20 });
    const bytes = new Uint8Array(8 << 20).map((_, i) => i % 251);
    const upload = el.uploadFile(new File([bytes], 'big.png', { type: 'image/png' }));
    await oneEvent(el, 'reactor-upload-progress');
    const goneAt = Date.now();
    el.disconnect();
    const error = await rejection(upload);
    expect(error.code).to.equal('aborted');
    await waitFor(async () => (await ledgerEntry(id)).state === 'CLOSED', 'the end');
    await sleep(300);
    expect(await emulatorJson<unknown[]>('/_emulator/uploads')).to.deep.equal([]);
    expect((await ledger()).every((e) => e.state === 'CLOSED')).to.equal(true);
    await matrixRow({
      group: 'exit',
      scenario: 'End during a file upload: the upload is cancelled',
      ids: [id],
      goneAt,
    });
    const after = await rejection(el.uploadFile(await image()));
    expect(after.message).to.equal('Cannot upload a file: the session is ended.');
  });

  it('keys="wasd": the keys send move commands (pressed, then released) and reset the idle timer; axe passes with the hint shown', async () => {
    const el = await session('lingbot', 'keys="wasd" idle-timeout="3" idle-warning="5"');
    const seen = messages(el);
    const id = await live(el);
    const stage = part(el, 'stage')!;
    expect(stage.getAttribute('aria-keyshortcuts')).to.equal('W A S D');
    expect(stage.tabIndex).to.equal(0);
    expect(part(el, 'keys-hint')!.textContent!.trim()).to.equal('Keys: W A S D');
    await expect(el).to.be.accessible();
    stage.focus();
    const warnings: unknown[] = [];
    el.addEventListener('reactor-idle-warning', (e) => warnings.push(e));
    const key = (type: 'keydown' | 'keyup', k: string) =>
      stage.dispatchEvent(new KeyboardEvent(type, { key: k, bubbles: true, composed: true }));
    for (let i = 0; i < 8; i++) {
      await sleep(600);
      key('keydown', 'w');
      key('keyup', 'w');
    }
    // 4.8 s with presses every 0.6 s: the 3 s idle timer never ran out (each gap leaves 2.4 s, for
    // a busy machine's late timers).
    expect(warnings).to.have.length(0);
    key('keydown', 'd');
    key('keydown', 'd'); // held: one command, not two
    key('keyup', 'd');
    key('keydown', 'x'); // not mapped: nothing
    await waitFor(() => echoes(seen, 'move').length === 18, 'eighteen echoes');
    expect(
      echoes(seen, 'move')
        .slice(-2)
        .map((m) => m.data!.data),
    ).to.deep.equal([
      { direction: 'right', pressed: true },
      { direction: 'right', pressed: false },
    ]);
    expect(echoes(seen, 'move')[0]!.data!.data).to.deep.equal({
      direction: 'forward',
      pressed: true,
    });
    await waitFor(async () => (await ledgerEntry(id)).commands_received === 18, 'the ledger');
    el.disconnect();
  });

  it('plays the model’s audio muted, until the visitor turns the sound on', async () => {
    const plain = await session('helios', 'idle-timeout="0"');
    await live(plain);
    expect(part(plain, 'mute-button')).to.equal(null, 'helios sends no audio: no sound button');
    plain.disconnect();
    const el = await session('lingbot', 'idle-timeout="0"');
    await live(el);
    await waitFor(() => part(el, 'mute-button'), 'the sound button');
    const video = el.shadowRoot!.querySelector('video')!;
    expect((video.srcObject as MediaStream).getAudioTracks()).to.have.length(1);
    expect(video.muted).to.equal(true);
    const button = part(el, 'mute-button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(video.muted).to.equal(false);
    expect(el.muted).to.equal(false);
    expect(part(el, 'mute-button')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    el.disconnect();
    await el.updateComplete;
    expect(part(el, 'mute-button')).to.equal(null);
  });

  it('updates stats every 2 s while live, shows the quality, and stops after the end', async () => {
    const el = await session('lingbot', 'idle-timeout="0"');
    const readings: { fps: number | null; bitrate: number | null; quality: string }[] = [];
    el.addEventListener('reactor-stats', (e) => readings.push((e as CustomEvent).detail.stats));
    await live(el);
    // Rates need two readings of the video's counters, 2 s apart.
    await waitFor(() => readings.at(-1)?.bitrate != null, 'a reading with a bitrate', 8000);
    const last = readings.at(-1)!;
    expect(last.fps).to.be.greaterThan(5);
    expect(last.bitrate).to.be.greaterThan(10_000);
    expect(el.stats).to.deep.equal(last);
    await el.updateComplete;
    expect(part(el, 'quality')!.getAttribute('data-quality')).to.equal(last.quality);
    expect(part(el, 'quality')!.textContent).to.match(/^Connection: (good|fair|poor)$/);
    el.disconnect();
    const count = readings.length;
    await sleep(2200);
    expect(readings.length).to.equal(count);
    expect(el.stats).to.equal(null);
    await el.updateComplete;
    expect(part(el, 'quality')).to.equal(null);
  });
});
