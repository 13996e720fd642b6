import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GpuPeer } from '../../demo/emulator/peer.js';

/** A data channel as the GPU side sees it when the browser has just gone: the cached
 * readyState still says open, the native channel is closed, and `send` throws. */
function closingChannel() {
  return {
    readyState: 'open',
    sent: 0,
    send() {
      this.sent++;
      const error = new Error("RTCDataChannel.readyState is not 'open'");
      error.name = 'InvalidStateError';
      throw error;
    },
  };
}

type Send = (this: unknown, scope: string, type: string, data: unknown) => void;

describe('emulator: the GPU peer', () => {
  it('a message sent as the channel closes is not an uncaught exception; the browser is gone', () => {
    // The peer's own sending, on a stand-in for its native parts (a real RTCPeerConnection
    // made and closed here crashes wrtc when the process exits).
    const proto = GpuPeer.prototype as unknown as Record<string, unknown>;
    const channel = closingChannel();
    const gone: string[] = [];
    const peer = {
      ended: false,
      channel,
      sendOn: proto.sendOn,
      gone(reason: string) {
        if (this.ended) return;
        this.ended = true;
        gone.push(reason);
      },
    };
    const send = proto.send as Send;
    assert.doesNotThrow(() => send.call(peer, 'runtime', 'pong', {}));
    assert.equal(channel.sent, 1);
    assert.deepEqual(gone, ['data channel closed']);
    // A second message on the dead channel throws nothing either, and is reported once.
    assert.doesNotThrow(() => send.call(peer, 'runtime', 'sessionEnded', { reason: 'x' }));
    assert.deepEqual(gone, ['data channel closed']);
  });
});
