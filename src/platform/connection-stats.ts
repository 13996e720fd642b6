/**
 * The connection's quality from `RTCPeerConnection.getStats()`: round-trip time, frames per
 * second, packet loss and bitrate of the model's video, over the time since the last reading,
 * and a good/fair/poor verdict a visitor can read at a glance. Framework-free.
 */

export type Quality = 'good' | 'fair' | 'poor';

export interface ConnectionStats {
  /** Round-trip time to the GPU, in ms (null where the browser does not say). */
  rtt: number | null;
  /** Frames of video received per second. */
  fps: number | null;
  /** Share of packets lost since the last reading, 0..1. */
  packetLoss: number | null;
  /** Video bits received per second since the last reading. */
  bitrate: number | null;
  quality: Quality;
}

/** The counters one reading keeps, to measure the next one against. */
export interface StatsSample {
  at: number;
  bytes: number;
  frames: number;
  lost: number;
  received: number;
}

type Stat = Record<string, unknown> & { type: string };

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One reading: the figures since `previous`, and the sample to compare the next one with. */
export function readStats(
  report: RTCStatsReport,
  previous: StatsSample | null,
): { stats: ConnectionStats; sample: StatsSample | null } {
  let video: Stat | undefined;
  let rttSeconds: number | null = null;
  report.forEach((stat: Stat) => {
    if (stat.type === 'inbound-rtp' && stat.kind === 'video') video = stat;
    const selected = stat.nominated === true || stat.selected === true;
    if (stat.type === 'candidate-pair' && stat.state === 'succeeded' && selected)
      rttSeconds = num(stat.currentRoundTripTime) ?? rttSeconds;
  });
  const sample: StatsSample | null = video
    ? {
        at: num(video.timestamp) ?? performance.now(),
        bytes: num(video.bytesReceived) ?? 0,
        frames: num(video.framesReceived) ?? num(video.framesDecoded) ?? 0,
        lost: Math.max(0, num(video.packetsLost) ?? 0),
        received: num(video.packetsReceived) ?? 0,
      }
    : null;
  const span = sample && previous ? (sample.at - previous.at) / 1000 : 0;
  const delta = (key: keyof StatsSample) => (span > 0 ? sample![key] - previous![key] : null);
  const lost = delta('lost');
  const packets = lost === null ? null : lost + delta('received')!;
  const bytes = delta('bytes');
  const frames = delta('frames');
  const stats = {
    rtt: rttSeconds === null ? null : Math.round((rttSeconds as number) * 1000),
    fps: num(video?.framesPerSecond) ?? (frames === null ? null : Math.round(frames / span)),
    packetLoss: packets ? lost! / packets : packets === 0 ? 0 : null,
    bitrate: bytes === null ? null : Math.round((bytes * 8) / span),
  };
  return { stats: { ...stats, quality: qualityOf(stats) }, sample };
}

/** Poor: over 5 % loss, 400 ms round trip or under 10 fps; fair: over 1 %, 150 ms, under 20. */
export function qualityOf({
  rtt,
  fps,
  packetLoss,
}: Omit<ConnectionStats, 'quality' | 'bitrate'>): Quality {
  const over = (value: number | null, limit: number) => value !== null && value > limit;
  const under = (value: number | null, limit: number) => value !== null && value < limit;
  if (over(packetLoss, 0.05) || over(rtt, 400) || under(fps, 10)) return 'poor';
  if (over(packetLoss, 0.01) || over(rtt, 150) || under(fps, 20)) return 'fair';
  return 'good';
}
