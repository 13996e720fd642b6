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

type Receive = (this: unknown, raw: unknown) => void;

describe('emulator: the GPU peer', () => {
  it('a message that arrives as the channel closes is not an uncaught exception; the browser is gone', () => {
    // The peer's own message handling, on a stand-in for its native parts (a real
    // RTCPeerConnection made and closed here crashes wrtc when the process exits).
    const proto = GpuPeer.prototype as unknown as Record<string, unknown>;
    const channel = closingChannel();
    const gone: string[] = [];
    const peer = {
      ended: false,
      lastHeard: 0,
      channel,
      options: { commands: [], hooks: { onCommand() {} } },
      send: proto.send,
      gone(reason: string) {
        this.ended = true;
        gone.push(reason);
      },
    };
    const receive = proto.receive as Receive;
    const ping = JSON.stringify({ scope: 'runtime', data: { type: 'ping', data: {} } });
    assert.doesNotThrow(() => receive.call(peer, ping));
    assert.equal(channel.sent, 1);
    assert.deepEqual(gone, ['data channel closed']);
    // Later messages on the dead channel are ignored: no second send, no second report.
    assert.doesNotThrow(() => receive.call(peer, ping));
    assert.equal(channel.sent, 1);
    assert.deepEqual(gone, ['data channel closed']);
  });
});
