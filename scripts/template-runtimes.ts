/**
 * The token-route templates (`templates/`) in the platforms' own runtimes, from npm packages:
 * Cloudflare's `workerd` (run directly: wrangler wants a newer Node than CI has), Vercel's
 * `edge-runtime`, and `deno` (for the Netlify Edge Function and the Deno template). Each
 * template is bundled as its platform would bundle it, with `reactor-elements/server` resolved to
 * this repository's source, and started on a loopback port with the given variables. Used by the
 * templates' tests and by `npm run token-route` (a template on this machine, for trying it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'src/server/index.ts');

export type Template = 'cloudflare-worker' | 'vercel' | 'netlify' | 'deno';

export interface RunningRoute {
  /** Base URLs: one per instance (Cloudflare: two Workers sharing one Durable Object). */
  urls: string[];
  /** What the runtime printed (to look for a leaked key). */
  output(): string;
  stop(): Promise<void>;
}

const ENTRIES: Record<Template, string> = {
  'cloudflare-worker': 'templates/cloudflare-worker/src/index.js',
  vercel: 'templates/vercel/api/reactor-token.js',
  netlify: 'templates/netlify/netlify/edge-functions/reactor-token.js',
  deno: 'templates/deno/main.ts',
};

/** The runtime and its version, for the report. */
export const RUNTIMES: Record<Template, string> = {
  'cloudflare-worker': 'workerd',
  vercel: 'edge-runtime',
  netlify: 'deno (Netlify Edge Functions run on Deno)',
  deno: 'deno',
};

/**
 * The template bundled as its platform would: from this repository (`reactor-elements/server`
 * resolved to its source), or from a copy of its folder installed alone (`alone`: its own
 * `node_modules`, from the tarball).
 */
async function bundle(
  entry: string,
  format: 'esm' | 'iife',
  footer = '',
  alone: string | null = null,
): Promise<string> {
  const result = await build({
    entryPoints: [alone ? join(alone, entry.split('/').slice(2).join('/')) : join(ROOT, entry)],
    bundle: true,
    format,
    globalName: format === 'iife' ? 'template' : undefined,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // Deno's `npm:` specifier is the package from npm, as installed.
    alias: alone
      ? { 'npm:reactor-elements/server': 'reactor-elements/server' }
      : { 'reactor-elements/server': SERVER, 'npm:reactor-elements/server': SERVER },
    footer: footer ? { js: footer } : undefined,
  });
  return result.outputFiles![0]!.text;
}

function bin(name: string): string {
  return join(ROOT, 'node_modules/.bin', name);
}

/** Starts `command` and resolves once `ready` answers (or rejects with what it printed). */
async function launch(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: string,
): Promise<{ child: ChildProcess; output: () => string }> {
  let printed = '';
  const child = spawn(command, args, {
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (printed += String(d)));
  child.stderr!.on('data', (d) => (printed += String(d)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${printed}`);
    const up = await fetch(ready, { method: 'OPTIONS' }).then(
      () => true,
      () => false,
    );
    if (up) return { child, output: () => printed };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${command} did not answer in 30 s: ${printed}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });

/**
 * Starts `template` in its runtime with `vars` (the platform's environment variables): from this
 * repository, or (`installed`) from a copy of its folder installed alone with `npm install`.
 */
export async function startTemplate(
  template: Template,
  vars: Record<string, string>,
  port?: number,
  installed?: string,
): Promise<RunningRoute> {
  const dir = mkdtempSync(join(tmpdir(), `reactor-${template}-`));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const from = installed ?? null;
  try {
    const first = port ?? (await freePort());
    if (template === 'cloudflare-worker')
      return await startWorkerd(dir, vars, first, cleanup, from);
    if (template === 'vercel') return await startEdgeRuntime(vars, first, cleanup, from);
    return await startDeno(template, dir, vars, first, cleanup, from);
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** workerd: two Workers (two instances of the site's route) bound to one limits object. */
async function startWorkerd(
  dir: string,
  vars: Record<string, string>,
  a: number,
  cleanup: () => void,
  from: string | null,
): Promise<RunningRoute> {
  writeFileSync(
    join(dir, 'worker.js'),
    await bundle(ENTRIES['cloudflare-worker'], 'esm', '', from),
  );
  const b = await freePort();
  const bindings = Object.entries(vars)
    .map(([name, value]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`)
    .concat(
      '(name = "REACTOR_LIMITS", durableObjectNamespace = (className = "ReactorLimits", serviceName = "limits"))',
    )
    .join(', ');
  const worker = (extra: string) => `(
    modules = [(name = "worker", esModule = embed "worker.js")],
    compatibilityDate = "2026-11-01",
    bindings = [${bindings}],
    globalOutbound = "loopback",
    ${extra}
  )`;
  writeFileSync(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "a", worker = ${worker('')}),
    (name = "b", worker = ${worker('')}),
    (name = "limits", worker = ${worker(
      'durableObjectNamespaces = [(className = "ReactorLimits", uniqueKey = "reactor-limits")], durableObjectStorage = (inMemory = void),',
    )}),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [
    (name = "a", address = "127.0.0.1:${a}", http = (), service = "a"),
    (name = "b", address = "127.0.0.1:${b}", http = (), service = "b"),
  ],
);
`,
  );
  const urls = [`http://127.0.0.1:${a}`, `http://127.0.0.1:${b}`];
  const { child, output } = await launch(
    bin('workerd'),
    ['serve', join(dir, 'config.capnp'), '--verbose'],
    {},
    urls[0]!,
  );
  return {
    urls,
    output,
    stop: async () => {
      await stopped(child);
      cleanup();
    },
  };
}

/** edge-runtime (Vercel's): the Edge Function's default export answers every request. */
async function startEdgeRuntime(
  vars: Record<string, string>,
  port: number,
  cleanup: () => void,
  from: string | null,
): Promise<RunningRoute> {
  const { EdgeRuntime, runServer } = await import('edge-runtime');
  let printed = '';
  const code = await bundle(
    ENTRIES.vercel,
    'iife',
    'addEventListener("fetch", (event) => event.respondWith(template.default(event.request)));',
    from,
  );
  const runtime = new EdgeRuntime({
    initialCode: code,
    extend: (context) =>
      Object.assign(context, {
        process: { env: { ...vars } },
        console: {
          ...console,
          error: (...args: unknown[]) => (printed += `${args.join(' ')}\n`),
          warn: (...args: unknown[]) => (printed += `${args.join(' ')}\n`),
          log: (...args: unknown[]) => (printed += `${args.join(' ')}\n`),
        },
      }),
  });
  const server = await runServer({ runtime, host: '127.0.0.1', port });
  return {
    urls: [server.url.replace(/\/$/, '')],
    output: () => printed,
    stop: async () => {
      await server.close();
      cleanup();
    },
  };
}

/** deno: the Deno template as it is; the Netlify Edge Function behind Netlify's entry shape. */
async function startDeno(
  template: 'netlify' | 'deno',
  dir: string,
  vars: Record<string, string>,
  port: number,
  cleanup: () => void,
  from: string | null,
): Promise<RunningRoute> {
  let code = await bundle(ENTRIES[template], 'esm', '', from);
  if (template === 'netlify') {
    // What Netlify's edge provides the function: `Netlify.env`, and `context.ip`.
    writeFileSync(join(dir, 'function.js'), code);
    code = `globalThis.Netlify = { env: { get: (k) => Deno.env.get(k), toObject: () => Deno.env.toObject() } };
const { default: run } = await import('./function.js');
Deno.serve({ port: Number(Deno.env.get('PORT')), hostname: '127.0.0.1' }, (request, info) =>
  run(request, { ip: info.remoteAddr.hostname }));
`;
  }
  writeFileSync(join(dir, 'main.js'), code);
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = await launch(
    bin('deno'),
    ['run', '--allow-net', '--allow-env', '--allow-read', join(dir, 'main.js')],
    { ...vars, PORT: String(port), DENO_NO_UPDATE_CHECK: '1' },
    url,
  );
  return {
    urls: [url],
    output,
    stop: async () => {
      await stopped(child);
      cleanup();
    },
  };
}
