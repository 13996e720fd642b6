/**
 * What the browser running the suite can do, and skipping by capability: a test that needs a
 * live stream calls `requireWebRTC()` (the helpers that start a session do), and in a browser
 * without `RTCPeerConnection` (Debian's WebKitGTK, some in-app browsers) it is reported skipped
 * rather than failed. What the test did before that call has run.
 */
export const webrtc = typeof RTCPeerConnection === 'function';

let current: Mocha.Runnable | undefined;

// A root hook (this module is loaded once per test page): the test about to run.
beforeEach(function () {
  current = this.currentTest;
});

/** Skips the running test where the browser has no WebRTC (the test stops here). */
export function requireWebRTC(): void {
  if (!webrtc) current?.skip();
}

/** For a `before` hook: skips a whole `describe` where the browser has no WebRTC. */
export function skipWithoutWebRTC(this: Mocha.Context): void {
  if (!webrtc) this.skip();
}
