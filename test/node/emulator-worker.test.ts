import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProcessPeer } from '../../demo/emulator/peer-process.js';
import type { PeerOptions } from '../../demo/emulator/peer.js';
import { createEmulator } from '../../demo/emulator/server.js';

function options(gone: string[], ready: string[]): PeerOptions {
  return {
    title: 'helios',
    label: 'session-under-test',
    video: { width: 64, height: 36, fps: 5 },
    model: 'helios',
    pausedTracks: true,
    mode: () => ({ strict: true, withholdTracks: false }),
    silenceMs: 10_000,
    hooks: {
      onReady: () => ready.push('ready'),
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

async function until(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;)
    if (test()) return true;
    else await new Promise((resolve) => setTimeout(resolve, 25));
  return test();
}

describe('emulator: each GPU peer in a worker process', () => {
  it('a worker that crashes (SIGSEGV, as the native WebRTC module can) ends its peer only: the platform hears "gone"', async () => {
    const gone: string[] = [];
    const peer = new ProcessPeer(options(gone, []));
    await peer.sent(); // the worker is up and holds its peer
    const other = new ProcessPeer(options([], []));
    await other.sent();
    const pid = peer.pid!;
    process.kill(pid, 'SIGSEGV');
    assert.ok(await until(() => gone.length > 0, 5000), 'onGone after the crash');
    assert.deepEqual(gone, ['GPU worker stopped (SIGSEGV)']);
    assert.equal(running(pid), false);
    // This process (the emulator's) goes on, and so does the other session's worker.
    assert.equal(running(other.pid!), true);
    await assert.rejects(peer.answer('v=0', []), /the GPU worker stopped/);
    other.close();
  });

  it('a closed peer: no hook after; its worker settles, then serves the next peer', async () => {
    const gone: string[] = [];
    const first = new ProcessPeer(options(gone, []));
    await first.sent();
    const pid = first.pid!;
    first.close();
    await assert.rejects(first.answer('v=0', []), /the peer is closed/);
    assert.deepEqual(gone, []);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const next = new ProcessPeer(options([], []));
    assert.equal(next.pid, pid, 'the settled worker is used again');
    await next.sent();
    // Another peer at the same time gets a worker of its own.
    const beside = new ProcessPeer(options([], []));
    assert.notEqual(beside.pid, pid);
    next.close();
    beside.close();
  });

  it('the emulator answers offers with worker peers by default', async () => {
    const emulator = createEmulator();
    const factory = (emulator.platform as unknown as { createPeer: (o: PeerOptions) => unknown })
      .createPeer;
    const peer = factory(options([], [])) as ProcessPeer;
    assert.ok(peer instanceof ProcessPeer);
    peer.close();
    await emulator.close();
  });
});
