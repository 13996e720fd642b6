/**
 * A GPU worker: a child process that holds one `GpuPeer` at a time (see peer-process.ts for why
 * peers live in workers). It does what its parent asks and reports the peer's hooks back. Once
 * a peer is closed, the worker waits for the native side to settle, says `closed`, and can take
 * the next peer; it ends when its parent is gone.
 */
import { GpuPeer } from './peer.js';
import type { HostReply, HostRequest } from './peer-protocol.js';

/** How long a closed peer's native side gets to wind down before the worker is free again. */
const SETTLE_MS = 500;

let peer: GpuPeer | null = null;
let current = 0;
let mode = { strict: false, withholdTracks: false };

/** Tells the parent, unless it is gone (then the message has nobody to reach). */
const reply = (message: HostReply) => {
  if (process.connected) process.send?.(message, undefined, {}, () => undefined);
};

function close(n: number): void {
  if (n !== current || !peer) return;
  peer.close();
  peer = null;
  setTimeout(() => reply({ t: 'closed', n }), SETTLE_MS);
}

process.on('disconnect', () => {
  peer?.close();
  // A moment for the close to reach the browser, then the worker ends with its parent.
  setTimeout(() => process.exit(0), 200);
});

process.on('message', (message: HostRequest) => {
  if (message.t === 'init') {
    const { n } = message;
    current = n;
    mode = message.options.mode;
    peer = new GpuPeer({
      ...message.options,
      mode: () => mode,
      hooks: {
        onReady: () => reply({ t: 'ready', n }),
        onGone: (reason) => reply({ t: 'gone', n, reason }),
        onCommand: (command) => reply({ t: 'command', n, command }),
      },
    });
    return;
  }
  if (message.n !== current) return;
  const { n } = message;
  switch (message.t) {
    case 'mode':
      mode = message.mode;
      return;
    case 'answer': {
      const { id } = message;
      if (!peer) return reply({ t: 'answered', n, id, error: 'the peer is closed' });
      peer.answer(message.offer, message.mapping).then(
        (sdp) => reply({ t: 'answered', n, id, sdp }),
        (error: unknown) => reply({ t: 'answered', n, id, error: String(error) }),
      );
      return;
    }
    case 'notify':
      peer?.notify(message.type, message.data);
      return;
    case 'sent':
      void (peer?.sent() ?? Promise.resolve()).then(() => reply({ t: 'sent', n, id: message.id }));
      return;
    case 'close':
      close(n);
      return;
  }
});
reply({ t: 'up' });
