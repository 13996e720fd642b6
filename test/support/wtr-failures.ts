/**
 * A @web/test-runner reporter that repeats every failure as the very last lines of the run.
 *
 * The runner reports a failure where it happens, and then a long run prints much more after it
 * (the matrix tables, the timing). A reader of a red log's last lines, which is often all a CI
 * page keeps, must still see which test failed in which engine and why: so the failures are
 * written again when the process exits, after everything else.
 */
import { writeSync } from 'node:fs';

interface TestError {
  message: string;
  stack?: string;
}

interface TestResults {
  name: string;
  suites: TestResults[];
  tests: { name: string; passed: boolean; skipped: boolean; error?: TestError }[];
}

interface Session {
  testFile: string;
  browser: { name: string };
  passed?: boolean;
  errors: TestError[];
  testResults?: TestResults;
}

/** How many lines of one failure's message are repeated (the rest is above, in the log). */
const MESSAGE_LINES = 6;

function failedTests(results: TestResults | undefined, path: string[] = []) {
  if (!results) return [];
  const here = results.name ? [...path, results.name] : path;
  const found: { name: string; error?: TestError }[] = results.tests
    .filter((t) => !t.passed && !t.skipped)
    .map((t) => ({ name: [...here, t.name].join(' > '), error: t.error }));
  for (const suite of results.suites) found.push(...failedTests(suite, here));
  return found;
}

const excerpt = (error: TestError | undefined) =>
  (error?.message ?? '(no message)')
    .split('\n')
    .slice(0, MESSAGE_LINES)
    .map((line) => `      ${line}`);

export function failureReporter() {
  const lines: string[] = [];
  process.on('exit', () => {
    if (!lines.length) return;
    writeSync(2, `\n[reactor-elements] what failed, again:\n${lines.join('\n')}\n`);
  });
  return {
    stop({ sessions }: { sessions: Session[] }) {
      for (const session of sessions) {
        if (session.passed !== false) continue;
        const where = `${session.browser.name} ${session.testFile.replace(`${process.cwd()}/`, '')}`;
        const tests = failedTests(session.testResults);
        for (const test of tests) lines.push(`  ✗ ${where}: ${test.name}`, ...excerpt(test.error));
        for (const error of session.errors) lines.push(`  ✗ ${where}`, ...excerpt(error));
        if (!tests.length && !session.errors.length) lines.push(`  ✗ ${where} (no test result)`);
      }
    },
  };
}
