#!/usr/bin/env node
// The framework fixtures (test/fixtures/<name>): the package packed as a developer gets it
// (`npm pack`, which builds), unpacked into each fixture's node_modules as `reactor-elements`;
// then, per fixture, its framework's strict type check (clean), the same check with the
// fixture's deliberate typos (it must fail, naming each), and its production build, which the
// browser suite (test/e2e/frameworks.test.ts) loads. The frameworks themselves are workspaces
// of the root, installed by the root's `npm install` from the lock file.
//
// `node scripts/fixtures.mjs [name…]` (all by default). Prints a line per step with its time.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'node_modules/.bin');

/** A TypeScript app built by vite: `tsc` checks it, `tsconfig.typo.json` adds its typo files. */
const tscAndVite = {
  check: ['tsc', '--noEmit', '-p', 'tsconfig.json'],
  typo: ['tsc', '--noEmit', '-p', 'tsconfig.typo.json'],
  typos: ['maxDuraton', 'sessionID'],
  build: ['vite', 'build'],
};

/**
 * Per fixture: the strict check, the check with the typo file (and what its output must name),
 * and the build. Each typo file misspells a property or attribute and reads a detail field
 * that does not exist.
 */
const FIXTURES = {
  react18: tscAndVite,
  react19: tscAndVite,
  vue: {
    check: ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'],
    typo: ['vue-tsc', '--noEmit', '-p', 'tsconfig.typo.json'],
    typos: ['maxDuraton', 'sessionID'],
    build: ['vite', 'build'],
  },
  svelte: {
    check: [
      'svelte-check',
      '--tsconfig',
      './tsconfig.json',
      '--fail-on-warnings',
      '--output',
      'machine',
    ],
    typo: ['svelte-check', '--tsconfig', './tsconfig.typo.json', '--output', 'machine'],
    typos: ['max-duraton', 'sessionID'],
    build: ['vite', 'build'],
  },
  solid: tscAndVite,
  next: {
    // `next typegen` writes next-env.d.ts and the route types the check reads.
    check: ['sh', '-c', 'next typegen && tsc --noEmit -p tsconfig.json'],
    typo: ['tsc', '--noEmit', '-p', 'tsconfig.typo.json'],
    typos: ['maxDuraton', 'sessionID'],
    build: ['next', 'build'],
  },
  angular: {
    // The Angular compiler's check, with strict templates.
    check: ['ngc', '-p', 'tsconfig.json', '--noEmit'],
    typo: ['ngc', '-p', 'tsconfig.typo.json'],
    // With CUSTOM_ELEMENTS_SCHEMA no binding on the tags is checked: only the event's detail is.
    typos: ['sessionID'],
    build: ['ng', 'build'],
  },
  astro: {
    check: ['astro', 'check'],
    // `astro check` checks the project's own pages: the typo page is copied in for that run.
    typo: ['astro', 'check'],
    typoCopy: ['typo/typo.astro', 'src/pages/typo.astro'],
    typos: ['maxDuraton', 'sessionID'],
    build: ['astro', 'build'],
  },
};

function step(name, command, cwd) {
  const started = Date.now();
  const [file, ...args] = command;
  // A package's binary, or a command of the system (`sh`).
  const child = run(existsSync(join(bin, file)) ? join(bin, file) : file, args, {
    cwd,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      NG_CLI_ANALYTICS: 'false',
    },
    maxBuffer: 64 * 1024 * 1024,
    // A tool that waits for input or never exits fails the step instead of the run.
    timeout: 300_000,
  });
  child.child.stdin?.end();
  return child.then(
    (r) => ({ ok: true, output: r.stdout + r.stderr, ms: Date.now() - started, name }),
    (e) => ({
      ok: false,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`,
      ms: Date.now() - started,
      name,
    }),
  );
}

/** Packs the package once and unpacks it into each fixture's node_modules. */
async function install(names) {
  const started = Date.now();
  const work = mkdtempSync(join(root, 'node_modules/.fixtures-'));
  try {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const [report] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n')));
    const tarball = join(work, report.filename);
    for (const name of names) {
      const target = join(root, 'test/fixtures', name, 'node_modules/reactor-elements');
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      await run('tar', ['-xzf', tarball, '--strip-components=1', '-C', target]);
    }
    console.log(
      `[fixtures] packed ${report.filename} (${report.size} B) and unpacked it into ${names.length} fixtures: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function fixture(name) {
  const spec = FIXTURES[name];
  const cwd = join(root, 'test/fixtures', name);
  const problems = [];
  const check = await step('check', spec.check, cwd);
  if (!check.ok) problems.push(`its strict type check fails:\n${check.output}`);
  const copy = spec.typoCopy && join(cwd, spec.typoCopy[1]);
  if (copy) copyFileSync(join(cwd, spec.typoCopy[0]), copy);
  const typo = await step('typo', spec.typo, cwd).finally(() => copy && rmSync(copy));
  const missed = spec.typos.filter((t) => !typo.output.includes(t));
  if (typo.ok || missed.length) {
    problems.push(
      `its type check with typo files ${typo.ok ? 'passes' : `does not name ${missed.join(', ')}`}:\n${typo.output}`,
    );
  }
  const build = await step('build', spec.build, cwd);
  if (!build.ok) problems.push(`its build fails:\n${build.output}`);
  const times = [check, typo, build]
    .map((s) => `${s.name} ${(s.ms / 1000).toFixed(1)} s`)
    .join(', ');
  console.log(`[fixtures] ${name}: ${problems.length ? 'FAILED' : 'ok'} (${times})`);
  return problems.map((p) => `${name}: ${p}`);
}

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(FIXTURES);
const unknown = wanted.filter((n) => !(n in FIXTURES));
if (unknown.length) {
  console.error(
    `[fixtures] no such fixture: ${unknown.join(', ')} (known: ${Object.keys(FIXTURES).join(', ')})`,
  );
  process.exit(2);
}
const started = Date.now();
await install(wanted);
const problems = [];
// One at a time: each build already uses both cores of the CI machine.
for (const name of wanted) problems.push(...(await fixture(name)));
console.log(
  `[fixtures] ${wanted.length} fixtures in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
if (problems.length) {
  console.error(problems.join('\n\n'));
  process.exit(1);
}
