/**
 * Browser-side access to this test file's own emulator, which the test runner starts for it
 * (see test/support/wtr-emulator.ts).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { LedgerEntry } from '../../demo/emulator/types.js';

export type { LedgerEntry };

let base: Promise<string> | null = null;

/** The base URL of this test file's emulator (another origin than the test page). */
export function emulatorUrl(): Promise<string> {
  base ??= executeServerCommand<{ url: string }, undefined>('reactor-emulator').then(
    (reply) => reply.url,
  );
  return base;
}

async function call<T>(path: string, body?: unknown, attempt = 1): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${await emulatorUrl()}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    // The test's own look at the ledger: a connection the busy browser dropped (Firefox said
    // "NetworkError" once, under three engines at once) is asked again, not a failed row. Only
    // a read: a control call (a drop, a fault) that may have landed is not sent twice.
    if (attempt >= 3 || body !== undefined) throw error;
    return call<T>(path, body, attempt + 1);
  }
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Clears the ledger and restores the default config, then applies `config`. */
export async function resetEmulator(config: Record<string, unknown> = {}): Promise<void> {
  await call('/_emulator/reset', {});
  if (Object.keys(config).length) await call('/_emulator/config', config);
}

export const configureEmulator = (patch: Record<string, unknown>) =>
  call('/_emulator/config', patch);
export const ledger = () => call<LedgerEntry[]>('/_emulator/sessions');
export const dropPeer = (id: string) => call<LedgerEntry>(`/_emulator/sessions/${id}/drop`, {});
/**
 * Ends the session from the platform side (as its time limit or a fault would); the browser first
 * hears `sessionEnded {reason}`.
 */
export const terminateFromPlatform = (id: string, reason?: string) =>
  call<LedgerEntry>(`/_emulator/sessions/${id}/terminate`, reason ? { reason } : {});
/** The platform's moderation of the session's input: `warn` or `terminate`, with its words. */
export const moderate = (id: string, action: 'warn' | 'terminate', message: string) =>
  call<LedgerEntry>(`/_emulator/sessions/${id}/moderate`, { action, message });

/** A command the GPU side received (`GET /_emulator/sessions/{id}/commands`). */
export interface ReceivedCommand {
  command: string;
  data: Record<string, unknown> | null;
  uploads: Record<string, Record<string, unknown>> | null;
  at: number;
}
export const commandLog = (id: string) =>
  call<ReceivedCommand[]>(`/_emulator/sessions/${id}/commands`);

/**
 * The session's ledger entry once it is CLOSED; after `timeoutMs`, the entry as it stands (so a
 * failing test shows SUSPENDED or READY rather than a timeout).
 */
export const closedEntry = (id: string, timeoutMs = 5000): Promise<LedgerEntry> =>
  waitFor(
    async () => {
      const entry = await ledgerEntry(id);
      return entry.state === 'CLOSED' && entry;
    },
    `session ${id} to close`,
    timeoutMs,
  ).catch(() => ledgerEntry(id));

export async function ledgerEntry(id: string): Promise<LedgerEntry> {
  const entry = (await ledger()).find((e) => e.session_id === id);
  if (!entry) throw new Error(`session ${id} is not in the ledger`);
  return entry;
}

/** A token from the emulator's stand-in for the site's backend. */
export async function fetchToken(): Promise<string> {
  const { jwt } = await call<{ jwt: string }>('/api/reactor-token');
  return jwt;
}

/** Polls `probe` until it returns a value that is not undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  label: string,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves once `video` has presented `count` new frames (decoded, not just received). */
export function framesPresented(
  video: HTMLVideoElement,
  count: number,
  timeoutMs = 10_000,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(
      () => reject(new Error(`only ${seen} of ${count} frames were presented in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onFrame = () => {
      seen += 1;
      if (seen >= count) {
        clearTimeout(timer);
        resolve(seen);
      } else {
        video.requestVideoFrameCallback(onFrame);
      }
    };
    video.requestVideoFrameCallback(onFrame);
  });
}
