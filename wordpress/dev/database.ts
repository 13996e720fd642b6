/**
 * A MariaDB of the site's own: a fresh data folder, a server on a Unix socket (no TCP port),
 * stopped with the site. Nothing of the machine's own MariaDB is touched.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Database {
  /** `localhost:/path/to/socket`, as WordPress's DB_HOST takes it. */
  host: string;
  stop(): Promise<void>;
}

export async function startDatabase(folder: string): Promise<Database> {
  const data = join(folder, 'data');
  const socket = join(folder, 'mysqld.sock');
  mkdirSync(folder, { recursive: true });
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  execFileSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--datadir=${data}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...user,
    ],
    { stdio: 'pipe' },
  );
  const server: ChildProcess = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${join(folder, 'mysqld.pid')}`,
      `--log-error=${join(folder, 'error.log')}`,
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=8M',
      ...user,
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  server.once('exit', () => (exited = true));
  // The database must not outlive whoever started it.
  process.once('exit', () => server.kill('SIGKILL'));
  const started = Date.now();
  while (!existsSync(socket)) {
    if (exited || Date.now() - started > 30_000) {
      const log = existsSync(join(folder, 'error.log'))
        ? readFileSync(join(folder, 'error.log'), 'utf8').slice(-1500)
        : '';
      server.kill('SIGKILL');
      throw new Error(`MariaDB did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: `localhost:${socket}`,
    stop: () =>
      new Promise((done) => {
        if (exited) return done();
        server.once('exit', () => done());
        server.kill('SIGTERM');
        setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
