/**
 * Reads the connection's statistics every 2 s while the session is live; its host stops it at
 * the end (a move within the page keeps the session, and the readings, going).
 */
import type { ReactiveControllerHost } from 'lit';
import {
  type ConnectionStats,
  type StatsSample,
  readStats,
} from '../../platform/connection-stats.js';

export type { ConnectionStats };

const INTERVAL_MS = 2000;

export class StatsReader {
  /** The last reading while live; null before the first and after the end. */
  stats: ConnectionStats | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sample: StatsSample | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onStats: (stats: ConnectionStats) => void,
  ) {}

  /** Starts reading `source` (the live connection's `getStats()`, null once it is gone). */
  start(source: () => Promise<RTCStatsReport> | null): void {
    this.stop();
    const read = async () => {
      const report = await source()?.catch(() => null);
      if (!report || !this.timer) return;
      const { stats, sample } = readStats(report, this.sample);
      this.sample = sample;
      this.stats = stats;
      this.onStats(stats);
      this.host.requestUpdate();
    };
    this.timer = setInterval(() => void read(), INTERVAL_MS);
    void read();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample = null;
    if (this.stats) this.host.requestUpdate();
    this.stats = null;
  }
}
