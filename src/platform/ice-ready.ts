/** When an SDP offer may go: enough ICE candidates gathered (framework-free). */

const ICE_GATHER_LIMIT_MS = 1000;

/**
 * When the offer may go: the protocol has no trickle ICE, so the offer carries every candidate
 * the platform will ever see from us, and waiting for gathering to complete costs ~100 ms for
 * candidates a server on the internet cannot use anyway.
 * - Without STUN/TURN servers only host candidates exist, and they appear within a millisecond
 *   or two: the offer goes once every media section of the BUNDLE group can be reached, that is
 *   once the group's first section has a candidate (every current WebRTC stack, the platform's
 *   included, accepts BUNDLE; one that refused it would find the other sections unreachable).
 * - With servers, it waits for the first server-reflexive or relay candidate: the one a peer
 *   behind NAT needs (a host-only offer would not connect from behind a home router).
 * - Either way at most `ICE_GATHER_LIMIT_MS`, and never past `complete`.
 */
export function iceReady(pc: RTCPeerConnection, hasServers: boolean): Promise<void> {
  const enough = () => {
    if (pc.iceGatheringState === 'complete') return true;
    const sdp = pc.localDescription?.sdp ?? '';
    if (hasServers) return / typ (srflx|relay)/.test(sdp);
    const first = sdp.split(/\r?\nm=/)[1] ?? '';
    return /\na=candidate:/.test(`\n${first}`);
  };
  if (enough()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icecandidate', check);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (enough()) done();
    };
    const timer = setTimeout(done, ICE_GATHER_LIMIT_MS);
    pc.addEventListener('icecandidate', check);
    pc.addEventListener('icegatheringstatechange', check);
  });
}
