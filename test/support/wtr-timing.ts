/**
 * A @web/test-runner reporter that keeps the suite's time in view: at the end it prints the
 * browser suite's wall time and the ten slowest test sessions (one file in one browser), from
 * the moment a session started in its page until it finished.
 */
import { writeSync } from 'node:fs';

interface Session {
  id: string;
  status: string;
  testFile: string;
  browser: { name: string };
}

interface SessionEvents {
  on(event: 'session-status-updated', listener: (session: Session) => void): void;
}

const SLOWEST = 10;

export function timingReporter() {
  const started = new Map<string, number>();
  const took: { file: string; browser: string; ms: number }[] = [];
  let runStart = 0;
  return {
    start({ sessions, startTime }: { sessions: SessionEvents; startTime: number }) {
      runStart = startTime;
      sessions.on('session-status-updated', (session) => {
        if (session.status !== 'FINISHED') {
          if (!started.has(session.id)) started.set(session.id, Date.now());
          return;
        }
        // The first sessions may start before this reporter does: they count from the run's start.
        const ms = Date.now() - (started.get(session.id) ?? runStart);
        started.delete(session.id);
        took.push({
          file: session.testFile.replace(`${process.cwd()}/`, ''),
          browser: session.browser.name,
          ms,
        });
      });
    },
    stop() {
      const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const slowest = [...took].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST);
      const lines = [
        '',
        `[reactor-elements] browser suite: ${seconds(Date.now() - runStart)} wall time, ${took.length} test sessions`,
        `[reactor-elements] the ${slowest.length} slowest (file, browser, time in its page):`,
        ...slowest.map((t) => `  ${seconds(t.ms).padStart(8)}  ${t.browser.padEnd(9)} ${t.file}`),
        '',
      ];
      // Straight to stdout: the runner's own console buffer is flushed before reporters stop.
      writeSync(1, `${lines.join('\n')}\n`);
    },
  };
}
