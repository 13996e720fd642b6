/**
 * The package as a developer gets it: `npm pack` (which builds), the tarball installed into an
 * empty project, then imported from plain Node and type-checked by a strict TypeScript project.
 * And as a release ships it: publint and arethetypeswrong clean, `npm publish --dry-run`, the
 * pinned snippet's hashes equal to the tarball's files, and each token-route template installed
 * alone from the tarball serving a token in its platform's runtime. One pack for all of them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const tsc = join(root, 'node_modules/typescript/bin/tsc');

let work: string;
let tarball: string;
let files: string[];

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'reactor-pack-'));
  // `npm pack` runs `prepack` (the build); its output comes before the JSON report.
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root,
    maxBuffer: 16 << 20,
  });
  const [report] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n'))) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(work, report!.filename);
  files = report!.files.map((f) => f.path);
  await run('mkdir', ['-p', join(work, 'unpacked')]);
  await run('tar', ['-xzf', tarball, '-C', join(work, 'unpacked')]);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('the packed tarball installs, imports in Node and type-checks in a strict project', async () => {
  for (const path of [
    'dist/reactor-elements.js',
    'dist/reactor-elements.iife.js',
    'dist/reactor-elements.de.js',
    'dist/npm/locales/de.js',
    'dist/npm/index.js',
    'dist/npm/index.d.ts',
    'dist/npm/elements/index.d.ts',
    'dist/npm/react/index.js',
    'dist/npm/react/index.d.ts',
    'dist/npm/jsx/index.d.ts',
    'dist/npm/jsx/react.d.ts',
    'dist/reactor-elements.debug.js',
    'dist/npm/server/index.js',
    'custom-elements.json',
    'LICENSE',
  ])
    assert.ok(files.includes(path), `the tarball has ${path}`);
  assert.deepEqual(
    files.filter((f) => /^(src|test|demo|scripts|wordpress|templates)\//.test(f)),
    [],
    'no sources, tests, demo, plugin or templates in the tarball',
  );

  const app = join(work, 'app');
  await run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }));
  await run(
    'npm',
    [
      'install',
      tarball,
      // For reactor-elements/react: its optional peers, as a React app has them.
      '@lit/react@1.0.8',
      'react@19.3.1',
      '@types/react@19.3.3',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    { cwd: app, maxBuffer: 16 << 20 },
  );

  // Plain Node: the browser entries import without throwing and register nothing; the broker runs.
  writeFileSync(
    join(app, 'probe.mjs'),
    `import * as page from 'reactor-elements';
import * as classes from 'reactor-elements/elements';
import { createTokenHandler, createRedisStore } from 'reactor-elements/server';
import 'reactor-elements/locales/de';
const handler = createTokenHandler({ apiKey: 'rk_test', models: ['reactor/helios'], allowedOrigins: ['https://site.example'] });
const refused = await handler(new Request('https://site.example/api/reactor-token', { headers: { Origin: 'https://evil.example' } }));
// redis is an optional peer dependency, not installed here: the broker fails closed and says why.
const lines = [];
const shared = createTokenHandler({ apiKey: 'rk_test', models: ['reactor/helios'], allowedOrigins: ['https://site.example'], store: createRedisStore({ url: 'redis://127.0.0.1:1' }), log: (l) => lines.push(l) });
const closed = await shared(new Request('https://site.example/api/reactor-token', { headers: { Origin: 'https://site.example' } }), { remoteAddress: '192.0.2.1' });
console.log(JSON.stringify({
  session: typeof page.ReactorSession,
  same: page.ReactorSession === classes.ReactorSession,
  defined: globalThis.customElements?.get('reactor-session') ?? null,
  refused: refused.status,
  closed: closed.status,
  said: lines.some((l) => l.includes('npm install redis')),
}));
`,
  );
  const probe = await run('node', ['probe.mjs'], { cwd: app });
  assert.deepEqual(JSON.parse(probe.stdout), {
    session: 'function',
    same: true,
    defined: null,
    refused: 403,
    closed: 503,
    said: true,
  });

  // A strict TypeScript project: the tag map, the event map and the broker's types resolve.
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
        skipLibCheck: false,
        jsx: 'react-jsx',
      },
      files: ['app.ts', 'app.tsx', 'bare.tsx'],
    }),
  );
  writeFileSync(
    join(app, 'app.ts'),
    `import 'reactor-elements';
import {
  ReactorSession,
  type BalanceSource,
  type SessionEndDetail,
  type TokenProvider,
} from 'reactor-elements/elements';
import { type Check } from 'reactor-elements/debug';
import { createRedisStore, createTokenHandler, toNodeHandler } from 'reactor-elements/server';
import 'reactor-elements/locales/de';
import { registerTranslation, sessionMessages } from 'reactor-elements';

registerTranslation('fr', { session: { start: 'Démarrer', idleTitle: sessionMessages.idleTitle } });
// @ts-expect-error an unknown element family is caught
registerTranslation('fr', { sesion: { start: 'Démarrer' } });

const provider: TokenProvider = () => Promise.resolve({ jwt: 'x', expires_at: 1 });
const source: BalanceSource = () => Promise.resolve({ credits: 1 });
const checks: Check[] = [];
console.log(provider, source, checks.length);
const session: ReactorSession = document.createElement('reactor-session');
session.maxDuration = 120;
session.addEventListener('reactor-end', (event) => {
  const detail: SessionEndDetail = event.detail;
  const reason: 'user' | 'idle' | 'timeout' | 'budget' | 'unload' | 'removed' | 'hidden' | 'background' | 'server' | 'moderation' | 'error' | 'moved' = detail.reason;
  const said: string | null = detail.message;
  console.log(reason, said, detail.credits.toFixed(0));
});
session.addEventListener('reactor-moderation', (event) => {
  const action: 'warn' | 'terminate' = event.detail.action;
  console.log(action, event.detail.message.length);
});
session.addEventListener('reactor-error', (event) => console.log(event.detail.code, event.detail.retryAfter));
const handler = toNodeHandler(
  createTokenHandler({
    apiKey: 'rk_x',
    models: ['reactor/helios'],
    allowedOrigins: [],
    store: createRedisStore({ url: 'redis://localhost:6379', prefix: 'site:' }),
    trustProxy: 1,
    dailyCreditCeiling: 200_000,
    authorize: async (request) => (request.headers.has('Cookie') ? true : { status: 401 }),
  }),
);
void handler;
// @ts-expect-error a typo in a property name is caught
session.maxDurration = 5;
`,
  );
  writeFileSync(
    join(app, 'app.tsx'),
    `import { ReactorPricing, ReactorSession } from 'reactor-elements/react';

export const page = (
  <>
    <ReactorPricing model="helios" onReactorPricingLoad={(e) => e.detail.pricing.models.length} />
    <ReactorSession
      model="helios"
      maxDuration={120}
      tokenProvider={() => Promise.resolve({ jwt: 'x', expires_at: 1 })}
      onReactorEnd={(e) => console.log(e.detail.reason, e.detail.credits)}
    />
  </>
);
// @ts-expect-error a wrong detail field is caught
export const typo = <ReactorSession onReactorEnd={(e) => e.detail.reasn} />;
// @ts-expect-error a number attribute given a string is caught
export const wrong = <ReactorSession maxDuration="120" />;
`,
  );
  // React 19 takes the bare tags: their JSX types come from the manifest.
  writeFileSync(
    join(app, 'bare.tsx'),
    `import type {} from 'reactor-elements/jsx/react';

export const page = (
  <reactor-session
    model="helios"
    max-duration={120}
    tokenProvider={() => Promise.resolve({ jwt: 'x', expires_at: 1 })}
    onreactor-end={(e) => console.log(e.detail.reason, e.detail.credits)}
  />
);
// @ts-expect-error an unknown property is caught (TypeScript checks no dashed name it lacks)
export const unknown = <reactor-session maxDurration={5} />;
// @ts-expect-error a wrong detail field is caught
export const typo = <reactor-session onreactor-end={(e) => e.detail.reasn} />;
`,
  );
  try {
    await run(process.execPath, [tsc, '-p', app], { cwd: app });
  } catch (error) {
    const { stdout } = error as { stdout: string };
    assert.fail(`the strict project does not type-check:\n${stdout}`);
  }
});

test('publint and arethetypeswrong find nothing; npm publish --dry-run takes the tarball', async () => {
  const publint = await run(
    process.execPath,
    [
      join(root, 'node_modules/publint/src/cli.js'),
      'run',
      join(work, 'unpacked/package'),
      '--pack',
      'false',
      '--strict',
    ],
    { cwd: root },
  );
  assert.match(publint.stdout, /All good!/);
  // ESM only (no CommonJS entry, by design). The four script files are for <script> tags, not
  // imports, and carry no types.
  await run(
    process.execPath,
    [
      join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      './reactor-elements.js',
      './reactor-elements.iife.js',
      './reactor-elements.de.js',
      './reactor-elements.debug.js',
      '--format',
      'ascii',
    ],
    { cwd: root, maxBuffer: 16 << 20 },
  ).catch((error: { stdout: string }) => assert.fail(`arethetypeswrong:\n${error.stdout}`));
  const dry = await run('npm', ['publish', tarball, '--dry-run', '--access', 'public'], {
    cwd: work,
    maxBuffer: 16 << 20,
  });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  assert.match(
    `${dry.stdout}${dry.stderr}`,
    new RegExp(`\\+ reactor-elements@${version.replace(/\./g, '\\.')}`),
  );
  const manifest = JSON.parse(readFileSync(join(work, 'unpacked/package/package.json'), 'utf8'));
  for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'license'])
    assert.ok(manifest[field], `package.json has ${field}`);
});

test("the README's and the snippet page's script lines pin the tarball's files: exact version, sha384", async () => {
  const { pinsOf, scriptLines } = await import('../../scripts/pin.mjs');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const packed = pinsOf(version, (file) => readFileSync(join(work, 'unpacked/package/dist', file)));
  const fix = 'run npm run pin after a change to what the tarball ships';
  assert.deepEqual(
    JSON.parse(readFileSync(join(root, 'demo/snippet/pins.json'), 'utf8')),
    packed,
    `demo/snippet/pins.json is not the tarball's: ${fix}`,
  );
  const lines = scriptLines(readFileSync(join(root, 'README.md'), 'utf8'));
  assert.ok(lines.length >= 3, 'the README has pinned script lines');
  for (const { file, line } of lines) {
    const flat = line.replace(/\s+/g, ' ');
    assert.ok(
      flat.includes(`reactor-elements@${version}/dist/${file}"`) &&
        flat.includes(`integrity="${packed.integrity[file]}"`) &&
        flat.includes('crossorigin="anonymous"'),
      `README: ${flat} is not the tarball's ${file} (${packed.integrity[file]}): ${fix}`,
    );
  }
});

test('each token-route template, installed alone from the tarball, serves a token in its runtime', async () => {
  const { startTemplate } = await import('../../scripts/template-runtimes.js');
  const { startEmulator } = await import('./emulator-client.js');
  const { cpSync } = await import('node:fs');
  const h = await startEmulator();
  try {
    for (const template of ['cloudflare-worker', 'vercel', 'netlify', 'deno'] as const) {
      // The folder as a deploy button clones it: alone, its dependency from the registry (here:
      // the tarball, which is what the registry will serve).
      const alone = join(work, `alone-${template}`);
      cpSync(join(root, 'templates', template), alone, { recursive: true });
      const manifest = join(alone, 'package.json');
      const own = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : {};
      assert.deepEqual(
        Object.values({ ...own.dependencies, ...own.devDependencies }).filter((v) =>
          /^(file|link|workspace):|\.\.\//.test(String(v)),
        ),
        [],
        `${template} depends on nothing outside its folder`,
      );
      await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: alone,
        maxBuffer: 16 << 20,
      });
      const route = await startTemplate(
        template,
        {
          REACTOR_API_KEY: 'rk_emulator_local_key',
          REACTOR_API_URL: h.url,
          REACTOR_MODELS: 'reactor/helios',
          REACTOR_ALLOWED_ORIGINS: 'https://www.example.com',
        },
        undefined,
        alone,
      );
      try {
        const answer = await fetch(`${route.urls[0]}/api/reactor-token`, {
          headers: { Origin: 'https://www.example.com' },
        });
        assert.equal(answer.status, 200, `${template}: ${await answer.clone().text()}`);
        const { jwt, expires_at } = (await answer.json()) as { jwt: string; expires_at: number };
        assert.equal(typeof jwt, 'string', template);
        assert.ok(expires_at > Date.now() / 1000, template);
      } finally {
        await route.stop();
      }
    }
  } finally {
    await h.stop();
  }
});
