/**
 * The package as a developer gets it: `npm pack` (which builds), the tarball installed into an
 * empty project, then imported from plain Node and type-checked by a strict TypeScript project.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const tsc = join(root, 'node_modules/typescript/bin/tsc');

test('the packed tarball installs, imports in Node and type-checks in a strict project', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'reactor-pack-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));

  // `npm pack` runs `prepack` (the build); its output comes before the JSON report.
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: root,
    maxBuffer: 16 << 20,
  });
  const [report] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n'))) as {
    filename: string;
    files: { path: string }[];
  }[];
  const files = report!.files.map((f) => f.path);
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
    files.filter((f) => /^(src|test|demo|scripts)\//.test(f)),
    [],
    'no sources, tests or demo in the tarball',
  );

  const app = join(work, 'app');
  await run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }));
  await run(
    'npm',
    [
      'install',
      join(work, report!.filename),
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
