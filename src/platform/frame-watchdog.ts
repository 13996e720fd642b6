/**
 * Watches a live connection for its first video frame. Today's runtime sends nothing of a track
 * until the client resumes it, and a GPU can fail to produce frames at all: either way the
 * session is `ready` and billed while the visitor looks at a black screen. The watchdog reads the
 * connection's statistics (frames decoded, whether or not the video is on screen or the tab in
 * view) once a second; no frame within the limit calls `onNoVideo`. Framework-free.
 */

/** How long a live connection may go without a decoded video frame before it is ended. */
export const NO_VIDEO_LIMIT_MS = 8000;
const CHECK_EVERY_MS = 1000;

/**
 * Whether the statistics show a video frame: received or decoded (a browser may hold back
 * decoding for a video nobody sees, in a background tab; the platform sent it all the same).
 */
export function hasVideoFrame(report: RTCStatsReport): boolean {
  let seen = false;
  report.forEach((entry: Record<string, unknown>) => {
    if (entry.type === 'inbound-rtp' && (entry.kind ?? entry.mediaType) === 'video')
      seen ||= Number(entry.framesDecoded ?? 0) > 0 || Number(entry.framesReceived ?? 0) > 0;
  });
  return seen;
}

/**
 * Starts watching; returns the function that stops it (call it when the connection closes).
 * `stats`: the connection's statistics, null once it is gone (the watch then stops).
 */
export function watchForFrames(
  stats: () => Promise<RTCStatsReport> | null,
  onNoVideo: () => void,
  limitMs = NO_VIDEO_LIMIT_MS,
): () => void {
  const start = performance.now();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout>;
  const check = async () => {
    const pending = stats();
    if (stopped || !pending) return;
    const framed = await pending.then(hasVideoFrame, () => false);
    if (stopped || framed) return;
    if (performance.now() - start >= limitMs) onNoVideo();
    else timer = setTimeout(() => void check(), CHECK_EVERY_MS);
  };
  timer = setTimeout(() => void check(), CHECK_EVERY_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
