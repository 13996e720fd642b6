/**
 * `npm test`: the whole suite, step by step (lint, the Node tests, the WordPress plugin on a real
 * WordPress, the framework fixtures, the browser suite in every engine), stopping at the first step that fails. At the end it prints how
 * long the run took, whole and per step: the suite must stay within 15 minutes on CI's two cores.
 */
import { spawnSync } from 'node:child_process';

const STEPS = ['lint', 'test:node', 'test:wordpress', 'test:fixtures', 'test:browser'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = performance.now();
const times = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

for (const step of STEPS) {
  const stepStarted = performance.now();
  const { status } = spawnSync(npm, ['run', step], { stdio: 'inherit' });
  times.push(`${step} ${seconds(performance.now() - stepStarted)}`);
  if (status !== 0) {
    console.log(
      `[reactor-elements] npm test failed in ${step} after ${minutes(performance.now() - started)} (${times.join(', ')})`,
    );
    process.exit(status ?? 1);
  }
}
console.log(
  `[reactor-elements] npm test passed in ${minutes(performance.now() - started)} (${times.join(', ')})`,
);
