/**
 * A @web/test-runner plugin that serves the framework fixtures' production builds
 * (`scripts/fixtures.mjs` builds them) on the test server's own origin, so a test can load an app
 * in a frame and reach into it: `GET /__fixtures/<name>/<file>` → `test/fixtures/<name>/dist/<file>`.
 * A fixture that has not been built answers a page that says so (the test fails with that line).
 * Fixtures rendered by their framework's server (Next.js, Astro) are forwarded by `fixtureServers()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { freePort } from '../../scripts/free-port.js';
import { extname, join, normalize } from 'node:path';

interface ServeContext {
  path: string;
}

const root = new URL('../..', import.meta.url).pathname;
export const FIXTURE_PATH = /^\/__fixtures\/([a-z0-9]+)(?:\/(.*))?$/;

export function fixturesPlugin() {
  return {
    name: 'reactor-fixtures',
    serverStop: stopServers,
    serve(context: ServeContext) {
      const match = FIXTURE_PATH.exec(context.path);
      if (!match) return undefined;
      const [, name, rest = ''] = match as unknown as [string, string, string?];
      const dist = join(root, 'test/fixtures', name, 'dist');
      const file = normalize(join(dist, decodeURIComponent(rest) || 'index.html'));
      if (!file.startsWith(dist) || !existsSync(file)) {
        const body = existsSync(dist)
          ? `no ${rest} in the ${name} fixture's build`
          : `the ${name} fixture is not built: run \`npm run test:fixtures\` first`;
        return { body: `<title>not built</title><p id="not-built">${body}</p>`, type: 'html' };
      }
      return { body: readFileSync(file, 'utf8'), type: extname(file).slice(1) || 'txt' };
    },
  };
}

/**
 * The fixtures that need their framework's own server (server rendering): started on first use
 * on a free port, with the path prefix as their base path, and forwarded to by `fixtureServers()`.
 */
const SERVERS: Record<
  string,
  (port: number) => { command: string[]; env?: Record<string, string> }
> = {
  next: (port) => ({
    command: [bin('next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'],
  }),
  // The Node adapter's standalone server.
  astro: (port) => ({
    command: [process.execPath, 'dist/server/entry.mjs'],
    env: { HOST: '127.0.0.1', PORT: String(port) },
  }),
};

const bin = (name: string) => join(root, 'node_modules/.bin', name);

async function start(name: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const {
    command: [command, ...args],
    env,
  } = SERVERS[name]!(port);
  // In a process group of its own, so that stopping it stops the server it starts in turn.
  const child = spawn(command!, args, {
    cwd: join(root, 'test/fixtures', name),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  children.add(child);
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name} fixture] ${chunk}`));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${name} server exited (${child.exitCode})`);
    try {
      await fetch(origin, { signal: AbortSignal.timeout(1000) });
      return { origin, child };
    } catch {
      if (Date.now() > deadline) throw new Error(`the ${name} server did not answer in 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

interface KoaContext {
  path: string;
  url: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

const running = new Map<string, Promise<{ origin: string; child: ChildProcess }>>();
const children = new Set<ChildProcess>();

/** Stops the fixtures' servers (synchronous, so that it can run on the process's exit). */
function stopServers(): void {
  for (const child of children) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  children.clear();
  running.clear();
}
process.on('exit', stopServers);

/** Koa middleware of the test server: forwards `/__fixtures/<server fixture>/…` to its server. */
export function fixtureServers() {
  return async (ctx: KoaContext, next: () => Promise<void>) => {
    const name = FIXTURE_PATH.exec(ctx.path)?.[1];
    if (!name || !SERVERS[name]) return next();
    if (!running.has(name)) running.set(name, start(name));
    const { origin } = await running.get(name)!;
    const headers = new Headers();
    for (const [key, value] of Object.entries(ctx.headers)) {
      if (value !== undefined && key !== 'host' && key !== 'connection') {
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
    }
    const answer = await fetch(origin + ctx.url, {
      method: ctx.method,
      headers,
      redirect: 'manual',
    });
    ctx.status = answer.status;
    answer.headers.forEach((value, key) => {
      if (!/^(content-encoding|content-length|transfer-encoding|connection)$/.test(key)) {
        ctx.set(key, value);
      }
    });
    ctx.body = Buffer.from(await answer.arrayBuffer());
  };
}
