/**
 * A local WordPress with the plugin, offline: WordPress's files (core.ts), a MariaDB of its own
 * (database.ts), PHP's built-in server with several workers, and the plugin as it ships (staged
 * by scripts/wordpress-plugin.mjs) with its token route pointed at a Reactor API (the emulator).
 * Used by `npm run wordpress` and by the WordPress tests.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { freePort } from '../../scripts/free-port.js';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CACHE, wordpressCore } from './core.js';
import { startDatabase } from './database.js';
import { ensureRequirements } from './requirements.js';
import { stagePlugin } from '../../scripts/wordpress-plugin.mjs';

export interface SiteOptions {
  /** The Reactor API the plugin's token route asks (the emulator). */
  apiUrl: string;
  apiKey: string;
  /** Default: a free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface Site {
  url: string;
  /** The folder PHP serves (files written here are served as they are: a cached page copy). */
  docroot: string;
  admin: { user: string; password: string; appPassword: string };
  author: { user: string; password: string; appPassword: string; id: number };
  samplePage: string;
  /**
   * Runs PHP with WordPress loaded (as WP-CLI's `eval` would; that tool is not on Debian):
   * what it echoes. For tests that change a setting or read the database.
   */
  eval(code: string): string;
  /** What PHP's server printed (requests, PHP errors), for a failing test's message. */
  serverLog(): string;
  stop(): Promise<void>;
}

const here = resolve(import.meta.dirname);

/** A PHP single-quoted string. */
const php = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export async function startSite(options: SiteOptions): Promise<Site> {
  const log = options.log ?? (() => undefined);
  ensureRequirements(log);
  const core = wordpressCore();
  const { staged } = stagePlugin();
  mkdirSync(join(CACHE, 'sites'), { recursive: true });
  const folder = mkdtempSync(join(CACHE, 'sites', 'site-'));
  const docroot = join(folder, 'wordpress');
  cpSync(core, docroot, { recursive: true });
  cpSync(staged, join(docroot, 'wp-content/plugins/reactor-elements'), { recursive: true });
  mkdirSync(join(docroot, 'wp-content/mu-plugins'), { recursive: true });
  symlinkSync(
    join(here, 'mu-plugins/reactor-dev.php'),
    join(docroot, 'wp-content/mu-plugins/reactor-dev.php'),
  );

  const database = await startDatabase(join(folder, 'db'));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const salt = () => randomBytes(32).toString('base64');
  const salts = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
    .flatMap((name) => [
      `define('${name}_KEY', ${php(salt())});`,
      `define('${name}_SALT', ${php(salt())});`,
    ])
    .join('\n');
  writeFileSync(
    join(docroot, 'wp-config.php'),
    `<?php
// A local site of reactor-elements' (wordpress/dev/site.ts): offline, its own database.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${php(database.host)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
${salts}
define('WP_HOME', ${php(url)});
define('WP_SITEURL', ${php(url)});
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', ${php(join(folder, 'debug.log'))});
// Offline: no cron over loopback (it would hold one of PHP's workers), no update checks.
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // The database WordPress installs into.
  execFileSync('php', [
    '-r',
    `$m = new mysqli('localhost', 'root', '', '', 0, ${php(database.host.slice('localhost:'.length))}); $m->query('CREATE DATABASE wordpress CHARACTER SET utf8mb4');`,
  ]);
  const adminPassword = `admin-${randomBytes(6).toString('hex')}`;
  const authorPassword = `author-${randomBytes(6).toString('hex')}`;
  cpSync(join(here, 'setup.php'), join(docroot, 'reactor-setup.php'));
  let made: { adminPassword: string; authorPassword: string; authorId: number; samplePage: string };
  try {
    const out = execFileSync('php', ['reactor-setup.php'], {
      cwd: docroot,
      env: {
        ...process.env,
        SITE_URL: url,
        REACTOR_DEV_API_URL: options.apiUrl,
        REACTOR_DEV_API_KEY: options.apiKey,
        ADMIN_PASSWORD: adminPassword,
        AUTHOR_PASSWORD: authorPassword,
      },
      encoding: 'utf8',
    });
    made = JSON.parse(out.slice(out.indexOf('{')));
  } catch (error) {
    await database.stop();
    throw new Error(
      `WordPress's install failed: ${String((error as { stderr?: string }).stderr ?? error)}`,
      { cause: error },
    );
  } finally {
    rmSync(join(docroot, 'reactor-setup.php'), { force: true });
  }

  let output = '';
  const server: ChildProcess = spawn(
    'php',
    ['-S', `127.0.0.1:${port}`, '-t', docroot, join(here, 'router.php')],
    {
      cwd: docroot,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: the workers it forks are stopped with it.
      detached: true,
    },
  );
  const killServer = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      /* gone already */
    }
  };
  // The site must not outlive whoever started it.
  process.once('exit', () => killServer('SIGKILL'));
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(`${url}/wp-json/reactor-elements/v1/ping`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > 30_000 || server.exitCode !== null) {
      killServer('SIGKILL');
      await database.stop();
      throw new Error(`PHP's server did not answer at ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    docroot,
    admin: { user: 'admin', password: adminPassword, appPassword: made.adminPassword },
    author: {
      user: 'author',
      password: authorPassword,
      appPassword: made.authorPassword,
      id: made.authorId,
    },
    samplePage: made.samplePage,
    serverLog: () => output,
    eval(code) {
      const file = join(docroot, `reactor-eval-${randomBytes(4).toString('hex')}.php`);
      writeFileSync(
        file,
        `<?php\n$_SERVER['HTTP_HOST'] = ${php(`127.0.0.1:${port}`)};\nrequire __DIR__ . '/wp-load.php';\n${code}\n`,
      );
      try {
        return execFileSync('php', [file], { cwd: docroot, encoding: 'utf8' });
      } finally {
        rmSync(file, { force: true });
      }
    },
    async stop() {
      await new Promise<void>((done) => {
        if (server.exitCode !== null) return done();
        server.once('exit', () => done());
        killServer('SIGTERM');
      });
      await database.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
