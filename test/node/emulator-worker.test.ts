import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessPeer } from '../../demo/emulator/peer-process.js';
import type { PeerOptions } from '../../demo/emulator/peer.js';
import { createEmulator } from '../../demo/emulator/server.js';
import { waitFor } from './emulator-client.js';

function options(gone: string[]): PeerOptions {
  return {
    title: 'helios',
    label: 'session-under-test',
    video: { width: 64, height: 36, fps: 5 },
    model: 'helios',
    pausedTracks: true,
    mode: () => ({ strict: true, withholdTracks: false }),
    silenceMs: 10_000,
    hooks: {
      onReady: () => gone.push('ready'),
      onGone: (reason) => gone.push(reason),
      onCommand: () => undefined,
    },
  };
}

/** Whether a process of this id still runs. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('emulator: each GPU peer in a worker process', () => {
  it('a worker that crashes (SIGSEGV, as the native WebRTC module can) ends its peer only: the platform hears "gone"', async () => {
    const heard: string[] = [];
    const peer = new ProcessPeer(options(heard));
    await peer.sent(); // the worker is up and holds its peer
    const other = new ProcessPeer(options([]));
    await other.sent();
    const pid = peer.pid!;
    process.kill(pid, 'SIGSEGV');
    await waitFor(() => heard.length > 0, 'onGone after the crash', 5000);
    assert.deepEqual(heard, ['GPU worker stopped (SIGSEGV)']);
    assert.equal(running(pid), false);
    // This process (the emulator's) goes on, and so does the other session's worker.
    assert.equal(running(other.pid!), true);
    await assert.rejects(peer.answer('v=0', []), /the GPU worker stopped/);
    other.close();
  });

  it('a closed peer: what its worker still reports calls no hook; the worker settles, then serves the next peer', async () => {
    const heard: string[] = [];
    const first = new ProcessPeer(options(heard));
    await first.sent();
    const pid = first.pid!;
    first.close();
    await assert.rejects(first.answer('v=0', []), /the peer is closed/);
    // A report already on its way when the platform closed the peer (the browser leaving too).
    first.received({ t: 'gone', n: first.n, reason: 'data channel closed' });
    first.received({ t: 'ready', n: first.n });
    assert.deepEqual(heard, []);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const next = new ProcessPeer(options([]));
    assert.equal(next.pid, pid, 'the settled worker is used again');
    await next.sent();
    // Another peer at the same time gets a worker of its own.
    const beside = new ProcessPeer(options([]));
    assert.notEqual(beside.pid, pid);
    next.close();
    beside.close();
  });

  it('the emulator answers offers with worker peers by default', async () => {
    const emulator = createEmulator();
    const factory = (emulator.platform as unknown as { createPeer: (o: PeerOptions) => unknown })
      .createPeer;
    const peer = factory(options([]));
    assert.ok(peer instanceof ProcessPeer);
    peer.close();
    await emulator.close();
  });
});
